/**
 * zod schemas for the cells of a gemeente CSV export: every cell is a string; these turn `J`/`N`
 * into booleans, `|`-separated cells into lists and empty cells into null. Dates and timestamps use
 * the kit's `dates.ts`.
 */
import { z } from 'zod';

export const jaNee = z.enum(['J', 'N'], { message: 'expected J or N' }).transform((v) => v === 'J');

export const geheelGetal = z
  .string()
  .regex(/^-?\d+$/, { message: 'not a whole number' })
  .transform(Number);

/** A `|`-separated list; an empty cell is an empty list. */
export const lijst = z.string().transform((v) => (v.trim() === '' ? [] : v.split('|').map((item) => item.trim())));

/** An empty cell is null; otherwise the cell must pass `schema`. */
export function leegIsNull<T>(schema: z.ZodType<T, string>) {
  return z.string().transform((value, ctx): T | null => {
    if (value.trim() === '') return null;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });
}
