/**
 * `werkgevers.csv`: the employers an SW-bedrijf works with, i.e. its own employer relations plus every
 * employer where its employees are seconded, with the number of seconded employees and their hours,
 * derived from the world. A corrupt employer relation gets an impossible `laatst_gewijzigd` date.
 */
import type { Werkgever } from '../generator/world-types.js';
import { decimaal, excelCsv, onmogelijkTijdstip, tijdstipNL } from './excel-csv.js';
import type { SwPersoon } from './medewerkers-export.js';

export const WERKGEVERS_KOLOMMEN = ['kvk_nummer', 'naam', 'gemeentecode', 'aantal_gedetacheerden', 'uren_per_week_totaal', 'laatst_gewijzigd'] as const;

interface Relatie {
  werkgever: Werkgever;
  aantal: number;
  uren: number;
  /** Latest change of the relation or of one of its secondments (ISO timestamp). */
  laatstGewijzigd: string;
  corrupt: boolean;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * @param eigenRelaties employers whose `sw` slice belongs to this SW-bedrijf
 * @param medewerkers this SW-bedrijf's employees
 */
export function werkgeversCsv(eigenRelaties: readonly Werkgever[], medewerkers: readonly SwPersoon[], werkgeverByKvk: ReadonlyMap<string, Werkgever>): string {
  const relaties = new Map<string, Relatie>();
  for (const werkgever of eigenRelaties) {
    const sw = werkgever.sw;
    if (!sw) continue;
    relaties.set(werkgever.kvkNummer, { werkgever, aantal: 0, uren: 0, laatstGewijzigd: sw.bijgewerktOp, corrupt: sw.corrupt === true });
  }
  for (const { sw } of medewerkers) {
    const werkgever = sw.gedetacheerdBij ? werkgeverByKvk.get(sw.gedetacheerdBij) : undefined;
    if (!werkgever) continue;
    const relatie = relaties.get(werkgever.kvkNummer) ?? { werkgever, aantal: 0, uren: 0, laatstGewijzigd: sw.bijgewerktOp, corrupt: false };
    relatie.aantal += 1;
    relatie.uren += sw.urenPerWeek;
    relatie.laatstGewijzigd = later(relatie.laatstGewijzigd, sw.bijgewerktOp);
    relaties.set(werkgever.kvkNummer, relatie);
  }
  const rows = [...relaties.values()]
    .sort((a, b) => a.werkgever.kvkNummer.localeCompare(b.werkgever.kvkNummer))
    .map((r) => [
      r.werkgever.kvkNummer,
      r.werkgever.naam,
      r.werkgever.gemeenteCode,
      String(r.aantal),
      decimaal(r.uren),
      r.corrupt ? onmogelijkTijdstip(r.laatstGewijzigd) : tijdstipNL(r.laatstGewijzigd),
    ]);
  return excelCsv(WERKGEVERS_KOLOMMEN, rows);
}
