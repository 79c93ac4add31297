/**
 * zod schema for a date-time as Excel writes it in a Dutch export: `dd-mm-jjjj hh:mm[:ss]`. The
 * SW-bedrijf exports write UTC. Checks the calendar (no 31-02) and outputs an ISO timestamp. A
 * candidate for `adapters/kit/dates.ts`.
 */
import { z } from 'zod';
import { datumDDMMJJJJ } from '../kit/dates.js';

const PATROON = /^(\d{2}-\d{2}-\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

function isoTijdstip(value: string): string | undefined {
  const match = PATROON.exec(value.trim());
  if (!match) return undefined;
  const datum = datumDDMMJJJJ.safeParse(match[1]);
  const [uur, minuut, seconde] = [Number(match[2]), Number(match[3]), Number(match[4] ?? '0')];
  if (!datum.success || uur > 23 || minuut > 59 || seconde > 59) return undefined;
  return new Date(`${datum.data}T${match[2]}:${match[3]}:${String(seconde).padStart(2, '0')}Z`).toISOString();
}

/** `dd-mm-jjjj hh:mm:ss` (UTC) → ISO timestamp, e.g. `2026-10-01T08:00:00.000Z`. */
export const tijdstipDDMMJJJJ = z.string().transform((value, ctx) => {
  const iso = isoTijdstip(value);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: `not a real date-time in format dd-mm-jjjj hh:mm:ss: "${value}"` });
    return z.NEVER;
  }
  return iso;
});
