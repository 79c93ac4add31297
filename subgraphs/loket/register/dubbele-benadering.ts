/**
 * How close two organisations' contacts with one employer must be to count as a double approach:
 * `DUBBELE_BENADERING_DAGEN` days (default 30) before or after, and per region
 * `DUBBELE_BENADERING_DAGEN_AM36=14` and so on, since regions agree on their own window.
 */
import { referentie } from '../../../schema/referentie/gemeenten.js';
import { wholeNumberFromEnv } from '../../../schema/subgraphs.js';

export type Benaderingsvenster = (regioCode: string) => number;

export const STANDAARD_VENSTER_DAGEN = 30;

export function benaderingsvensterFromEnv(env: NodeJS.ProcessEnv = process.env): Benaderingsvenster {
  const standaard = wholeNumberFromEnv('DUBBELE_BENADERING_DAGEN', STANDAARD_VENSTER_DAGEN, 366, env);
  const perRegio = new Map<string, number>();
  for (const name of Object.keys(env)) {
    const match = /^DUBBELE_BENADERING_DAGEN_(AM\d{2})$/.exec(name);
    if (!match) continue;
    if (!referentie().regio(match[1]!)) throw new Error(`${name}: ${match[1]} is not an arbeidsmarktregio`);
    perRegio.set(match[1]!, wholeNumberFromEnv(name, standaard, 366, env));
  }
  return (regioCode) => perRegio.get(regioCode) ?? standaard;
}
