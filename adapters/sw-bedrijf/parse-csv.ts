/**
 * Reads an Excel-style CSV export (`;`, header row, optional UTF-8 BOM) into one raw record per row,
 * keyed by column name. Rows with too few or too many fields are kept, so zod reports the missing
 * field for that one row instead of the whole file failing. A file that is not CSV at all (e.g. an
 * unclosed quote) makes the export unusable: a `PartnerUnavailableError` naming line and error code
 * only, never the content or the parser's error (which could quote a BSN).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { PartnerUnavailableError } from '../kit/partner-errors.js';

export type RawRow = Record<string, string | undefined>;

export function parseExcelCsv(text: string, bronSysteem: string, bestand: string): RawRow[] {
  try {
    return parse<RawRow>(text, { delimiter: ';', bom: true, columns: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const what = error instanceof CsvError ? `${error.code} at line ${String(error.lines)}` : 'unreadable';
    throw new PartnerUnavailableError('SW_BEDRIJF', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `${bestand} is not a readable CSV export (${what})` });
  }
}
