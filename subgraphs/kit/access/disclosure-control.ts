/**
 * Disclosure control for counts (statistische beveiliging), for every count or figure that reaches a
 * caller who may not see the individuals behind it (today the role `analist`). One rule, after the
 * practice of statistical offices such as CBS (small cells not published, counts rounded to fives):
 * - a count under the threshold (default 5, `KLEINE_AANTALLEN_DREMPEL`) — 0 included, so an empty cell
 *   cannot be told from a small one — is suppressed, with the reason `KLEIN_AANTAL`;
 * - every other count is rounded to the nearest multiple of the threshold.
 * Published counts are therefore multiples of the threshold, and the difference of any two of them is
 * 0 or at least the threshold: subtracting two overlapping queries never reveals a group smaller than
 * it. Roles that may see the individuals get exact counts.
 *
 * Known limits, as with any deterministic rounding: it protects single cells and pairs of queries; a
 * caller who can combine many overlapping queries with known outside facts can still narrow a range.
 * Rates of change and tables of many cells (the regional figures) use this same function per cell.
 */
import type { Rol } from '../../../kit/auth/actor.js';
import { wholeNumberFromEnv } from '../../../schema/subgraphs.js';

export const DEFAULT_DREMPEL = 5;
export const MIN_DREMPEL = 3;
export const MAX_DREMPEL = 100;

/** Roles that see counts only, never the individuals behind them. */
export const ALLEEN_AANTALLEN: readonly Rol[] = ['analist'];

export interface OnthullingsRegel {
  /** Smallest count published, and the base counts are rounded to. */
  drempel: number;
}

export type BeschermdAantal = { onderdrukt: false; waarde: number } | { onderdrukt: true; drempel: number };

/** `count` as a caller who may not see the individuals may see it. */
export function beschermAantal(count: number, regel: OnthullingsRegel): BeschermdAantal {
  if (!Number.isInteger(count) || count < 0) throw new Error(`a count must be a whole number of 0 or more, got ${count}`);
  if (count < regel.drempel) return { onderdrukt: true, drempel: regel.drempel };
  return { onderdrukt: false, waarde: regel.drempel * Math.round(count / regel.drempel) };
}

/** Whether counts for `rol` are under disclosure control. */
export function alleenAantallen(rol: Rol): boolean {
  return ALLEEN_AANTALLEN.includes(rol);
}

/** The rule of this deployment: `KLEINE_AANTALLEN_DREMPEL`, a whole number from 3 to 100, default 5. */
export function onthullingsRegelFromEnv(env: NodeJS.ProcessEnv = process.env): OnthullingsRegel {
  const drempel = wholeNumberFromEnv('KLEINE_AANTALLEN_DREMPEL', DEFAULT_DREMPEL, MAX_DREMPEL, env);
  if (drempel < MIN_DREMPEL) throw new Error(`KLEINE_AANTALLEN_DREMPEL must be at least ${MIN_DREMPEL}, got ${drempel}`);
  return { drempel };
}
