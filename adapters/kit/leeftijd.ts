/**
 * Age from a date of birth, for the target groups adapters derive (`VIJFTIG_PLUS`,
 * `JONGERE_ZONDER_STARTKWALIFICATIE`). Computed against a given day, so tests are the same on every day.
 */

/** From this age on a person counts as `VIJFTIG_PLUS`. */
export const VIJFTIG_PLUS_LEEFTIJD = 55;

/** Whole years between an ISO birth date `YYYY-MM-DD` and `op` (UTC); the birthday itself counts. */
export function leeftijd(geboortedatum: string, op: Date): number {
  const [jaar = 0, maand = 0, dag = 0] = geboortedatum.split('-').map(Number);
  const verjaard = op.getUTCMonth() + 1 > maand || (op.getUTCMonth() + 1 === maand && op.getUTCDate() >= dag);
  return op.getUTCFullYear() - jaar - (verjaard ? 0 : 1);
}

/** True when the person is 55 or over on `op`. */
export function isVijftigPlus(geboortedatum: string, op: Date): boolean {
  return leeftijd(geboortedatum, op) >= VIJFTIG_PLUS_LEEFTIJD;
}
