/**
 * Turns one downloaded export file into validated rows. Employee and employer rows are validated in
 * two steps: first the identity (personeelsnummer + BSN → pseudonym; KvK number), then the full row.
 * A row whose identity is readable but whose other fields are not is kept with its issue, so a lookup
 * of that person or employer reports the bad field instead of answering "unknown".
 */
import type { z } from 'zod';
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { field, validateRecords, type Validated } from '../kit/validate.js';
import { parseExcelCsv, type RawRow } from './parse-csv.js';
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

interface ReadContext {
  bronSysteem: string;
  recordSoort: string;
  /** Column holding the partner's key, used to name a bad row (never the BSN column). */
  keyColumn: string;
}

function readIdentified<I extends z.ZodType, R extends z.ZodType>(raws: readonly RawRow[], identity: I, full: R, ctx: ReadContext): IdentifiedExport<z.output<I>, z.output<R>> {
  const rows: IdentifiedRow<z.output<I>, z.output<R>>[] = [];
  const issues: PartnerRecordIssue[] = [];
  raws.forEach((raw, index) => {
    // Line numbers as a spreadsheet user sees them: the header is line 1.
    const validation = { bron: 'SW_BEDRIJF' as const, bronSysteem: ctx.bronSysteem, recordSoort: ctx.recordSoort, recordKey: (r: unknown) => field(r, ctx.keyColumn) || `regel ${index + 2}` };
    const identified = validateRecords(identity, [raw], validation);
    const [id] = identified.records;
    if (id === undefined) {
      issues.push(...identified.issues);
      return;
    }
    const checked = validateRecords(full, [raw], validation);
    const issue = checked.issues[0] ?? null;
    if (issue) issues.push(issue);
    rows.push({ identity: id, rij: checked.records[0] ?? null, issue });
  });
  return { rows, issues };
}

export type MedewerkersExport = IdentifiedExport<MedewerkerIdentiteit, MedewerkerRij>;
export type WerkgeversExport = IdentifiedExport<WerkgeverIdentiteit, WerkgeverRij>;

export function readMedewerkers(text: string, bron: RegionaleBronConfig, pseudonymize: Pseudonymize): MedewerkersExport {
  const raws = parseExcelCsv(text, bron.id, 'medewerkers.csv');
  return readIdentified(raws, medewerkerIdentiteit(pseudonymize), MedewerkerRij, { bronSysteem: bron.id, recordSoort: 'medewerker', keyColumn: 'personeelsnummer' });
}

export function readWerkgevers(text: string, bron: RegionaleBronConfig): WerkgeversExport {
  const raws = parseExcelCsv(text, bron.id, 'werkgevers.csv');
  return readIdentified(raws, WerkgeverIdentiteit, WerkgeverRij, { bronSysteem: bron.id, recordSoort: 'werkgever', keyColumn: 'kvk_nummer' });
}

export function readInstrumenten(text: string, bron: RegionaleBronConfig): Validated<InstrumentRij> {
  const raws = parseExcelCsv(text, bron.id, 'instrumenten.csv');
  return validateRecords(InstrumentRij, raws, {
    bron: 'SW_BEDRIJF',
    bronSysteem: bron.id,
    recordSoort: 'instrument',
    recordKey: (raw, index) => field(raw, 'instrument_id') || `regel ${index + 2}`,
  });
}
