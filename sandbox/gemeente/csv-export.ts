/**
 * Renders a gemeente source as the CSV exports small gemeenten deliver: `;` separated, a header
 * row, UTF-8, dates `dd-mm-jjjj`, timestamps `dd-mm-jjjj HH:MM:SS` (UTC), booleans `J`/`N`, lists
 * `|`-separated, empty cells for missing values. The columns are the JSON fields. A corrupt slice
 * carries an impossible date (`31-02-…`) in one of its date columns.
 */
import { stringify } from 'csv-stringify/sync';
import type { Instrument, Persoon, Vacature, Werkgever } from '../generator/world-types.js';
import { jsonInstrument, jsonKlant, jsonVacature, jsonWerkgever } from './json-records.js';

export const KLANT_KOLOMMEN = ['klantnummer', 'bsn', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'gemeentecode', 'postcode', 'regeling', 'participatieladder_trede', 'klantmanager', 'in_beeld_sinds', 'statushouder', 'startkwalificatie', 'competenties', 'werk_denkniveau', 'beschikbaar_per', 'gewijzigd_op'] as const;
export const WERKGEVER_KOLOMMEN = ['kvk_nummer', 'handelsnaam', 'gemeentecode', 'accountmanager', 'lks_plaatsingen', 'laatste_contact', 'gewijzigd_op'] as const;
export const VACATURE_KOLOMMEN = ['nummer', 'kvk_nummer', 'titel', 'beroepscode', 'gemeentecode', 'postcode', 'uren_per_week', 'werk_denkniveau', 'soort', 'banenafspraak', 'omschrijving', 'geplaatst_op', 'gewijzigd_op'] as const;
export const INSTRUMENT_KOLOMMEN = ['id', 'gemeentecode', 'naam', 'soort', 'doelgroepen', 'voorwaarden', 'max_bedrag', 'max_duur_maanden', 'gewijzigd_op'] as const;

const DATUM_VELDEN = new Set(['geboortedatum', 'in_beeld_sinds', 'beschikbaar_per', 'laatste_contact', 'geplaatst_op']);
const TIJDSTIP_VELDEN = new Set(['gewijzigd_op']);

/** `2024-03-05` → `05-03-2024`. */
export function ddmmjjjj(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** `2024-03-05T07:08:09.000Z` → `05-03-2024 07:08:09`. */
export function ddmmjjjjTijd(iso: string): string {
  return `${ddmmjjjj(iso)} ${iso.slice(11, 19)}`;
}

function cel(kolom: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'J' : 'N';
  if (Array.isArray(value)) return value.join('|');
  if (DATUM_VELDEN.has(kolom)) return ddmmjjjj(String(value));
  if (TIJDSTIP_VELDEN.has(kolom)) return ddmmjjjjTijd(String(value));
  return String(value);
}

function rij(kolommen: readonly string[], record: object): string[] {
  const values = record as Record<string, unknown>;
  return kolommen.map((kolom) => cel(kolom, values[kolom]));
}

/** A CSV row with an impossible date in `kolom`, keeping the year of the real value. */
function metOnmogelijkeDatum(kolommen: readonly string[], cells: string[], kolom: string): string[] {
  const index = kolommen.indexOf(kolom);
  const jaar = (cells[index] ?? '').slice(6, 10) || '2024';
  const tijd = TIJDSTIP_VELDEN.has(kolom) ? ' 08:00:00' : '';
  return cells.map((value, i) => (i === index ? `31-02-${jaar}${tijd}` : value));
}

type MetGemeente<T extends { gemeente?: unknown }> = T & { gemeente: NonNullable<T['gemeente']> };

export function csvKlanten(personen: MetGemeente<Persoon>[]): string {
  return document(
    KLANT_KOLOMMEN,
    personen.map((p) => {
      const cells = rij(KLANT_KOLOMMEN, jsonKlant({ ...p, gemeente: { ...p.gemeente, corrupt: false } }));
      return p.gemeente.corrupt ? metOnmogelijkeDatum(KLANT_KOLOMMEN, cells, 'geboortedatum') : cells;
    }),
  );
}

export function csvWerkgevers(werkgevers: MetGemeente<Werkgever>[]): string {
  return document(
    WERKGEVER_KOLOMMEN,
    werkgevers.map((w) => {
      const cells = rij(WERKGEVER_KOLOMMEN, jsonWerkgever({ ...w, gemeente: { ...w.gemeente, corrupt: false } }));
      return w.gemeente.corrupt ? metOnmogelijkeDatum(WERKGEVER_KOLOMMEN, cells, 'laatste_contact') : cells;
    }),
  );
}

export function csvVacatures(vacatures: MetGemeente<Vacature>[]): string {
  return document(
    VACATURE_KOLOMMEN,
    vacatures.map((v) => {
      const cells = rij(VACATURE_KOLOMMEN, jsonVacature({ ...v, gemeente: { ...v.gemeente, corrupt: false } }));
      return v.gemeente.corrupt ? metOnmogelijkeDatum(VACATURE_KOLOMMEN, cells, 'geplaatst_op') : cells;
    }),
  );
}

export function csvInstrumenten(instrumenten: Instrument[]): string {
  return document(
    INSTRUMENT_KOLOMMEN,
    instrumenten.map((i) => {
      const cells = rij(INSTRUMENT_KOLOMMEN, jsonInstrument({ ...i, corrupt: false }));
      return i.corrupt ? metOnmogelijkeDatum(INSTRUMENT_KOLOMMEN, cells, 'gewijzigd_op') : cells;
    }),
  );
}

function document(kolommen: readonly string[], rows: string[][]): string {
  return stringify([[...kolommen], ...rows], { delimiter: ';', record_delimiter: '\r\n' });
}
