/**
 * zod schemas for the date formats partners use. Each checks the calendar (no 31-02) and outputs an
 * ISO date `YYYY-MM-DD`, so canonical records carry one format.
 */
import { z } from 'zod';

function isoIfReal(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function dateFormat(pattern: RegExp, order: 'ymd' | 'dmy', label: string) {
  return z.string().transform((value, ctx) => {
    const match = pattern.exec(value.trim());
    const iso = match
      ? order === 'ymd'
        ? isoIfReal(Number(match[1]), Number(match[2]), Number(match[3]))
        : isoIfReal(Number(match[3]), Number(match[2]), Number(match[1]))
      : undefined;
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `not a real date in format ${label}: "${value}"` });
      return z.NEVER;
    }
    return iso;
  });
}

/** `YYYYMMDD` (UWV / Suwinet). */
export const datumJJJJMMDD = dateFormat(/^(\d{4})(\d{2})(\d{2})$/, 'ymd', 'JJJJMMDD');
/** `dd-mm-jjjj` (Dutch spreadsheet exports). */
export const datumDDMMJJJJ = dateFormat(/^(\d{2})-(\d{2})-(\d{4})$/, 'dmy', 'dd-mm-jjjj');
/** `YYYY-MM-DD` (JSON APIs). */
export const datumISO = dateFormat(/^(\d{4})-(\d{2})-(\d{2})$/, 'ymd', 'JJJJ-MM-DD');
/** An ISO 8601 timestamp. */
export const tijdstipISO = z.string().datetime({ offset: true });

/** Dutch decimal comma, e.g. `1.234,56` or `32,5`. */
export const decimaalKomma = z.string().transform((value, ctx) => {
  const cleaned = value.trim().replace(/\./g, '').replace(',', '.');
  const n = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a decimal number: "${value}"` });
    return z.NEVER;
  }
  return n;
});
