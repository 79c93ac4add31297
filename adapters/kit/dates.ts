/**
 * zod schemas for the date and time formats partners use. Each checks the calendar and the clock
 * (no 31-02, no 25:00) and outputs one canonical form: ISO date `YYYY-MM-DD` or ISO timestamp. The
 * messages name the expected format but never quote the value: a bad value can be personal data
 * (a date of birth), and messages end up in errors and logs.
 */
import { z } from 'zod';

interface Parts {
  y: number;
  m: number;
  d: number;
  h?: number;
  mi?: number;
  s?: number;
}

/** The date (and time, in UTC) when the parts are real, else undefined. */
function realDate({ y, m, d, h = 0, mi = 0, s = 0 }: Parts): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d, h, mi, s));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  return real ? date : undefined;
}

function format(label: string, read: (match: RegExpExecArray) => Parts, pattern: RegExp, output: (date: Date) => string) {
  return z.string().transform((value, ctx) => {
    const match = pattern.exec(value.trim());
    const date = match ? realDate(read(match)) : undefined;
    if (!date) {
      ctx.addIssue({ code: 'custom', message: `not a real ${label}` });
      return z.NEVER;
    }
    return output(date);
  });
}

const n = (match: RegExpExecArray, i: number) => Number(match[i] ?? 0);
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const isoTimestamp = (date: Date) => date.toISOString();

/** `YYYYMMDD` (UWV / Suwinet) → `YYYY-MM-DD`. */
export const datumJJJJMMDD = format('date in format JJJJMMDD', (m) => ({ y: n(m, 1), m: n(m, 2), d: n(m, 3) }), /^(\d{4})(\d{2})(\d{2})$/, isoDate);
/** `dd-mm-jjjj` (Dutch spreadsheet exports) → `YYYY-MM-DD`. */
export const datumDDMMJJJJ = format('date in format dd-mm-jjjj', (m) => ({ y: n(m, 3), m: n(m, 2), d: n(m, 1) }), /^(\d{2})-(\d{2})-(\d{4})$/, isoDate);
/** `YYYY-MM-DD` (JSON APIs), calendar-checked. */
export const datumISO = format('date in format JJJJ-MM-DD', (m) => ({ y: n(m, 1), m: n(m, 2), d: n(m, 3) }), /^(\d{4})-(\d{2})-(\d{2})$/, isoDate);
/** `YYYYMMDDhhmmss` in UTC (UWV's DatTijdWijziging) → ISO timestamp. */
export const tijdstipJJJJMMDDUUMMSS = format(
  'timestamp in format JJJJMMDDUUMMSS',
  (m) => ({ y: n(m, 1), m: n(m, 2), d: n(m, 3), h: n(m, 4), mi: n(m, 5), s: n(m, 6) }),
  /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  isoTimestamp,
);
/** `dd-mm-jjjj hh:mm[:ss]` in UTC, as Dutch exports write date-times → ISO timestamp. */
export const tijdstipDDMMJJJJ = format(
  'date-time in format dd-mm-jjjj hh:mm:ss',
  (m) => ({ y: n(m, 3), m: n(m, 2), d: n(m, 1), h: n(m, 4), mi: n(m, 5), s: n(m, 6) }),
  /^(\d{2})-(\d{2})-(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/,
  isoTimestamp,
);
/** An ISO 8601 timestamp with offset. */
export const tijdstipISO = z.string().datetime({ offset: true });

/** Dutch decimal comma, e.g. `1.234,56` or `32,5`. */
export const decimaalKomma = z.string().transform((value, ctx) => {
  const cleaned = value.trim().replace(/\./g, '').replace(',', '.');
  const number = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(number)) {
    ctx.addIssue({ code: 'custom', message: 'not a decimal number (Dutch notation, e.g. 32,5)' });
    return z.NEVER;
  }
  return number;
});
