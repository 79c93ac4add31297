/**
 * Target groups (doelgroepen) derived from a gemeente client record: every regeling the gemeente
 * runs (Participatiewet, IOAW, IOAZ) counts as `PARTICIPATIEWET`; status and age add the others.
 * Age is computed against the given date, so the result is the same on every machine in tests.
 */
import type { Doelgroep } from '../kit/vocabulary.js';
import type { KlantRecord } from './payload-schemas.js';

/** Full years between an ISO birth date and `op`. */
export function leeftijd(geboortedatum: string, op: Date): number {
  const [jaar, maand, dag] = geboortedatum.split('-').map(Number) as [number, number, number];
  const nu = { jaar: op.getUTCFullYear(), maand: op.getUTCMonth() + 1, dag: op.getUTCDate() };
  const verjaard = nu.maand > maand || (nu.maand === maand && nu.dag >= dag);
  return nu.jaar - jaar - (verjaard ? 0 : 1);
}

export function klantDoelgroepen(klant: Pick<KlantRecord, 'regeling' | 'statushouder' | 'startkwalificatie' | 'geboortedatum'>, vandaag: Date): Doelgroep[] {
  const doelgroepen: Doelgroep[] = ['PARTICIPATIEWET'];
  const jaren = leeftijd(klant.geboortedatum, vandaag);
  if (klant.statushouder) doelgroepen.push('STATUSHOUDER');
  if (jaren >= 55) doelgroepen.push('VIJFTIG_PLUS');
  if (jaren < 27 && !klant.startkwalificatie) doelgroepen.push('JONGERE_ZONDER_STARTKWALIFICATIE');
  return doelgroepen;
}
