/**
 * UWV's `DatTijdWijziging`: `YYYYMMDDhhmmss` in UTC (the sandbox's documented choice). Checked
 * against the calendar and the clock, output as an ISO timestamp `YYYY-MM-DDThh:mm:ssZ`.
 * (A candidate for `adapters/kit/dates.ts`; the kit has the date-only formats.)
 */
import { z } from 'zod';

export const tijdstipJJJJMMDDUUMMSS = z.string().transform((value, ctx) => {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  const parts = match ? match.slice(1).map(Number) : [];
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const real =
    match !== null &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  if (!real) {
    ctx.addIssue({ code: 'custom', message: `not a real timestamp in format JJJJMMDDUUMMSS: "${value}"` });
    return z.NEVER;
  }
  return date.toISOString().replace('.000Z', 'Z');
});
