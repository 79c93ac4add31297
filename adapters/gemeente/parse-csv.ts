/**
 * Parses a gemeente CSV export (`;` separated, header row, UTF-8 with or without BOM) into one
 * object per row keyed by column name. Rows with missing cells are kept (the record schema then
 * names the missing field); a file that cannot be parsed at all is a `PartnerUnavailableError`.
 */
import { parse } from 'csv-parse/sync';
import { PartnerUnavailableError } from '../kit/partner-errors.js';

export function parseCsvExport(text: string, bronSysteem: string): Record<string, string>[] {
  try {
    return parse(text, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (error) {
    throw new PartnerUnavailableError('GEMEENTE', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `CSV export cannot be parsed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
  }
}
