/**
 * How an SW-bedrijf's exports look: Excel's "CSV (puntkomma-gescheiden)" saved as UTF-8, so with a
 * byte-order mark, `;` between fields, Windows line ends, dates `dd-mm-jjjj`, date-times
 * `dd-mm-jjjj hh:mm:ss` (in UTC), a decimal comma (`32,0`) and `ja`/`nee` for booleans.
 */
import { stringify } from 'csv-stringify/sync';

/** One export file: a header row and the data rows, every field already formatted as text. */
export function excelCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** ISO `YYYY-MM-DD` (or a timestamp's date part) as `dd-mm-jjjj`. */
export function datumNL(iso: string): string {
  const [jaar, maand, dag] = iso.slice(0, 10).split('-');
  return `${dag}-${maand}-${jaar}`;
}

/** ISO timestamp (UTC) as `dd-mm-jjjj hh:mm:ss`. */
export function tijdstipNL(iso: string): string {
  return `${datumNL(iso)} ${iso.slice(11, 19)}`;
}

/** The malformed form of a date a corrupt record gets: the 31st of February of the same year. */
export function onmogelijkeDatum(iso: string): string {
  return `31-02-${iso.slice(0, 4)}`;
}

/** The malformed form of a date-time: an impossible date with the original time of day. */
export function onmogelijkTijdstip(iso: string): string {
  return `${onmogelijkeDatum(iso)} ${iso.slice(11, 19)}`;
}

/** A number with a decimal comma and a fixed number of decimals, e.g. `32,0`. */
export function decimaal(value: number, decimalen = 1): string {
  return value.toFixed(decimalen).replace('.', ',');
}

export function jaNee(value: boolean): string {
  return value ? 'ja' : 'nee';
}
