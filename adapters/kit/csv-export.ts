/**
 * Reads a partner's Excel-style CSV export (`;`, a header row, optional UTF-8 BOM) into one raw record
 * per row, keyed by column name. Rows with too few or too many fields are kept, so the record schema
 * names the missing field of that one row instead of the whole file failing. A file that is not such
 * an export — unparseable (e.g. an unclosed quote), empty, or without the key column in its header
 * (an error page, a different file, bytes in no format) — is a `PartnerUnavailableError`
 * (`ONGELDIG_ANTWOORD`) naming the file, line and error code only: never the content or the parser's
 * message, which could quote a BSN. Without the header check such a file would read as an export
 * with no rows, and everyone in it would silently be "unknown".
 */
import { CsvError, parse } from 'csv-parse/sync';
import { PartnerUnavailableError } from './partner-errors.js';
import type { Bron } from './vocabulary.js';

export type RawRow = Record<string, string | undefined>;

export interface CsvExport {
  bron: Bron;
  bronSysteem: string;
  /** File name for messages, e.g. `medewerkers.csv`. */
  bestand: string;
  /** The column every row is identified by; the header must have it. */
  sleutelkolom: string;
}

export function parseCsvExport(text: string, file: CsvExport): RawRow[] {
  const unusable = (what: string) => new PartnerUnavailableError(file.bron, file.bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `${file.bestand} is not a readable CSV export (${what})` });
  let header: string[] | undefined;
  let rows: RawRow[];
  try {
    rows = parse<RawRow>(text, {
      delimiter: ';',
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (names: string[]) => {
        header = names;
        return names;
      },
    });
  } catch (error) {
    throw unusable(error instanceof CsvError ? `${error.code} at line ${String(error.lines)}` : 'unreadable');
  }
  if (!header) throw unusable('no header row');
  if (!header.includes(file.sleutelkolom)) throw unusable(`no column ${file.sleutelkolom} in the header`);
  return rows;
}
