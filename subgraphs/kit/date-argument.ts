/**
 * A `Date` argument (`YYYY-MM-DD`) checked before use: a real calendar day (no 30 February), or a
 * `BAD_USER_INPUT` error naming the argument. The GraphQL `Date` scalar passes any string through.
 */
import { badInput } from './errors.js';

/** UTC midnight of the day `value` names, or undefined when it is no real date. */
export function dayMs(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}

/** The day as `YYYY-MM-DD`; refused by name when it is no real date. */
export function dateArgument(value: unknown, argument: string): string {
  const text = String(value);
  if (dayMs(text) === undefined) throw badInput(`${argument} must be a date YYYY-MM-DD, got "${text.slice(0, 20)}"`, argument);
  return text;
}
