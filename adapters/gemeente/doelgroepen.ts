/**
 * Target groups (doelgroepen) derived from a gemeente client record: every regeling the gemeente
 * runs (Participatiewet, IOAW, IOAZ) counts as `PARTICIPATIEWET`; status and age add the others.
 * Age is computed against the given date, so the result is the same on every machine in tests.
 */
import { leeftijd, VIJFTIG_PLUS_LEEFTIJD } from '../kit/leeftijd.js';
import type { Doelgroep } from '../kit/vocabulary.js';
import type { KlantRecord } from './payload-schemas.js';

export function klantDoelgroepen(klant: Pick<KlantRecord, 'regeling' | 'statushouder' | 'startkwalificatie' | 'geboortedatum'>, vandaag: Date): Doelgroep[] {
  const doelgroepen: Doelgroep[] = ['PARTICIPATIEWET'];
  const jaren = leeftijd(klant.geboortedatum, vandaag);
  if (klant.statushouder) doelgroepen.push('STATUSHOUDER');
  if (jaren >= VIJFTIG_PLUS_LEEFTIJD) doelgroepen.push('VIJFTIG_PLUS');
  if (jaren < 27 && !klant.startkwalificatie) doelgroepen.push('JONGERE_ZONDER_STARTKWALIFICATIE');
  return doelgroepen;
}
