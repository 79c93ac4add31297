/**
 * Turns one downloaded export file into validated rows. Employee and employer rows are validated in
 * two steps: first the identity (personeelsnummer + BSN → pseudonym; KvK number), then the full row.
 * A row whose identity is readable but whose other fields are not is kept with its issue, so a lookup
 * of that person or employer reports the bad field instead of answering "unknown".
 */
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { field, validateIdentified, validateRecords, type IdentifiedRecords, type ValidationContext, type Validated } from '../kit/validate.js';
import { parseCsvExport } from '../kit/csv-export.js';
import { InstrumentRij, MedewerkerRij, WerkgeverIdentiteit, WerkgeverRij, medewerkerIdentiteit, type MedewerkerIdentiteit } from './payload-schemas.js';

/** A row whose identity was read; `rij` is null when the rest of the row is malformed (see `issue`). */
export interface IdentifiedRow<I, R> {
  identity: I;
  rij: R | null;
  issue: PartnerRecordIssue | null;
}

export interface IdentifiedExport<I, R> {
  rows: IdentifiedRow<I, R>[];
  /** Every issue in the file: rows without a readable identity and rows with a bad field. */
  issues: PartnerRecordIssue[];
}

/** Names a bad row by its key column (never the BSN column), else by its line as a spreadsheet user sees it (header = line 1). */
function context(bron: RegionaleBronConfig, recordSoort: string, keyColumn: string): ValidationContext {
  return { bron: 'SW_BEDRIJF', bronSysteem: bron.id, recordSoort, recordKey: (raw, index) => field(raw, keyColumn) || `regel ${index + 2}` };
}

/** The kit's identity-first rows, each record under this adapter's name for it, `rij`. */
function asExport<I, R>({ rows, issues }: IdentifiedRecords<I, R>): IdentifiedExport<I, R> {
  return { rows: rows.map(({ identity, record, issue }) => ({ identity, rij: record, issue })), issues };
}

export type MedewerkersExport = IdentifiedExport<MedewerkerIdentiteit, MedewerkerRij>;
export type WerkgeversExport = IdentifiedExport<WerkgeverIdentiteit, WerkgeverRij>;

export function readMedewerkers(text: string, bron: RegionaleBronConfig, pseudonymize: Pseudonymize): MedewerkersExport {
  const raws = parseCsvExport(text, { bron: 'SW_BEDRIJF', bronSysteem: bron.id, bestand: 'medewerkers.csv', sleutelkolom: 'personeelsnummer' });
  return asExport(validateIdentified(medewerkerIdentiteit(pseudonymize), MedewerkerRij, raws, context(bron, 'medewerker', 'personeelsnummer')));
}

export function readWerkgevers(text: string, bron: RegionaleBronConfig): WerkgeversExport {
  const raws = parseCsvExport(text, { bron: 'SW_BEDRIJF', bronSysteem: bron.id, bestand: 'werkgevers.csv', sleutelkolom: 'kvk_nummer' });
  return asExport(validateIdentified(WerkgeverIdentiteit, WerkgeverRij, raws, context(bron, 'werkgever', 'kvk_nummer')));
}

export function readInstrumenten(text: string, bron: RegionaleBronConfig): Validated<InstrumentRij> {
  const raws = parseCsvExport(text, { bron: 'SW_BEDRIJF', bronSysteem: bron.id, bestand: 'instrumenten.csv', sleutelkolom: 'instrument_id' });
  return validateRecords(InstrumentRij, raws, context(bron, 'instrument', 'instrument_id'));
}
