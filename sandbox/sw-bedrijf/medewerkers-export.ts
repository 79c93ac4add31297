/**
 * `medewerkers.csv`: the SW-bedrijf's employees (Wsw and beschut werk), one row per person, with the
 * secondment (KvK number of the employer) when the person works at an employer. A corrupt record gets
 * an impossible `in_dienst_sinds` date; the rest of the file stays valid.
 */
import type { Persoon, SwMedewerker } from '../generator/world-types.js';
import { datumNL, decimaal, excelCsv, jaNee, onmogelijkeDatum, tijdstipNL } from './excel-csv.js';

export const MEDEWERKERS_KOLOMMEN = [
  'personeelsnummer',
  'bsn',
  'voorletters',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'gemeentecode',
  'dienstverband',
  'in_dienst_sinds',
  'werkfit',
  'uren_per_week',
  'gedetacheerd_bij_kvk',
  'laatst_gewijzigd',
] as const;

/** A person employed by an SW-bedrijf. */
export type SwPersoon = Persoon & { sw: SwMedewerker };

/** `Anne Marie` → `A.M.` */
function voorletters(voornaam: string): string {
  return voornaam
    .split(/[\s-]+/)
    .filter((deel) => deel.length > 0)
    .map((deel) => `${deel.charAt(0).toUpperCase()}.`)
    .join('');
}

function medewerkerRegel({ sw, ...persoon }: SwPersoon): string[] {
  return [
    sw.personeelsnummer,
    persoon.bsn,
    voorletters(persoon.voornaam),
    persoon.tussenvoegsel,
    persoon.achternaam,
    datumNL(persoon.geboortedatum),
    persoon.gemeenteCode,
    sw.dienstverband,
    sw.corrupt ? onmogelijkeDatum(sw.sinds) : datumNL(sw.sinds),
    jaNee(sw.werkfit),
    decimaal(sw.urenPerWeek),
    sw.gedetacheerdBij ?? '',
    tijdstipNL(sw.bijgewerktOp),
  ];
}

export function medewerkersCsv(medewerkers: readonly SwPersoon[]): string {
  return excelCsv(MEDEWERKERS_KOLOMMEN, medewerkers.map(medewerkerRegel));
}
