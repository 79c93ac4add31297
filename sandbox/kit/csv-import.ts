/**
 * A CSV import as the small partners' systems take one (the counterpart of their exports): `;`
 * between fields, a header row naming the columns, an optional UTF-8 byte-order mark, one record per
 * row. The import is all or nothing: when a row is wrong the whole file is refused with HTTP 400 and a
 * CSV list `regel;veld;melding` (regel 1 is the header row). Otherwise every row is received and the
 * answer is a CSV receipt `regel;<sleutelkolom>;referentie;resultaat`, resultaat `nieuw` or
 * `al ontvangen` (the key was imported before; the first import stands).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { ContactOntvangst } from './contact-inbox.js';
import { eersteVeldFout } from './contact-velden.js';
import type { SandboxResponse } from './partner-server.js';

export interface CsvImportDefinitie<T extends Record<string, string>> {
  /** Columns the header must have. */
  kolommen: readonly string[];
  /** The column with each row's idempotency key, repeated in the receipt. */
  sleutelkolom: string;
  /** Checks one row (column name → cell text). */
  rij: z.ZodType<T>;
}

interface Regel<T> {
  regel: number;
  waarden: T;
}

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

function csv(rijen: readonly (readonly (string | number)[])[]): string {
  return stringify(rijen.map((rij) => [...rij]), { delimiter: ';' });
}

function geweigerd(fouten: readonly (readonly [number, string, string])[]): SandboxResponse {
  return { status: 400, contentType: CSV_CONTENT_TYPE, body: csv([['regel', 'veld', 'melding'], ...fouten]) };
}

/** The rows of the file, or the answer refusing it. */
function leesRegels<T extends Record<string, string>>(tekst: string, definitie: CsvImportDefinitie<T>): Regel<T>[] | SandboxResponse {
  let header: string[] = [];
  let rijen: Record<string, string>[];
  try {
    rijen = parse<Record<string, string>>(tekst, {
      delimiter: ';',
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (namen: string[]) => (header = namen),
    });
  } catch {
    return geweigerd([[0, '(bestand)', 'is geen leesbaar CSV-bestand met ; als scheidingsteken']]);
  }
  const ontbrekend = definitie.kolommen.filter((kolom) => !header.includes(kolom));
  if (ontbrekend.length > 0) return geweigerd(ontbrekend.map((kolom) => [1, kolom, 'kolom ontbreekt in de kopregel'] as const));
  if (rijen.length === 0) return geweigerd([[1, '(bestand)', 'bevat geen regels']]);
  const regels: Regel<T>[] = [];
  const fouten: [number, string, string][] = [];
  rijen.forEach((rij, index) => {
    const parsed = definitie.rij.safeParse(rij);
    if (parsed.success) regels.push({ regel: index + 2, waarden: parsed.data });
    else {
      const fout = eersteVeldFout(parsed.error);
      fouten.push([index + 2, fout.veld, fout.melding]);
    }
  });
  return fouten.length > 0 ? geweigerd(fouten) : regels;
}

/** Handles one import: refuses the whole file or receives every row and answers the receipt. */
export function ontvangCsvImport<T extends Record<string, string>>(tekst: string, definitie: CsvImportDefinitie<T>, ontvang: (waarden: T) => ContactOntvangst): SandboxResponse {
  const regels = leesRegels(tekst, definitie);
  if (!Array.isArray(regels)) return regels;
  const bewijs = regels.map(({ regel, waarden }) => {
    const ontvangst = ontvang(waarden);
    return [regel, waarden[definitie.sleutelkolom] ?? '', ontvangst.referentie, ontvangst.nieuw ? 'nieuw' : 'al ontvangen'] as const;
  });
  return { status: 200, contentType: CSV_CONTENT_TYPE, body: csv([['regel', definitie.sleutelkolom, 'referentie', 'resultaat'], ...bewijs]) };
}
