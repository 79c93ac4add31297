/**
 * Validates partner records one by one with a zod schema: good records come back parsed, bad ones
 * come back as issues naming partner, record and field. A bad record never fails the batch.
 * `validateIdentified` does the same identity first, for records an adapter must register by key.
 */
import type { z } from 'zod';
import type { PartnerRecordIssue } from './partner-errors.js';
import type { Bron } from './vocabulary.js';

export interface ValidationContext {
  bron: Bron;
  bronSysteem: string;
  recordSoort: string;
  /** Reads the partner's key from a raw record, for the report; must not return a BSN. */
  recordKey: (raw: unknown, index: number) => string;
}

export interface Validated<T> {
  records: T[];
  issues: PartnerRecordIssue[];
}

export function validateRecords<S extends z.ZodType>(schema: S, raws: readonly unknown[], ctx: ValidationContext): Validated<z.output<S>> {
  const records: z.output<S>[] = [];
  const issues: PartnerRecordIssue[] = [];
  raws.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) records.push(result.data);
    else issues.push(toIssue(ctx, raw, index, result.error));
  });
  return { records, issues };
}

/** A record whose identity was read; `record` is null when the rest of it is malformed (see `issue`). */
export interface Identified<I, R> {
  identity: I;
  record: R | null;
  issue: PartnerRecordIssue | null;
}

export interface IdentifiedRecords<I, R> {
  /** Every record whose identity was readable, valid or not, in input order. */
  rows: Identified<I, R>[];
  /** Every issue in input order: records without a readable identity and identified records with a bad field. */
  issues: PartnerRecordIssue[];
}

/**
 * Identity-first validation. Each raw record is checked against the small `identity` schema (the
 * partner key, for a person also the BSN, which that schema may turn into a pseudonym) and then
 * against the `full` schema. A record whose identity is readable always comes back as a row, with
 * `record` null and its `issue` when another field is malformed, so the adapter can still register
 * its key and a later lookup reports the bad field instead of answering "unknown". A record without
 * a readable identity only yields an issue (named by `ctx.recordKey`, else `#index`).
 */
export function validateIdentified<I extends z.ZodType, R extends z.ZodType>(identity: I, full: R, raws: readonly unknown[], ctx: ValidationContext): IdentifiedRecords<z.output<I>, z.output<R>> {
  const rows: Identified<z.output<I>, z.output<R>>[] = [];
  const issues: PartnerRecordIssue[] = [];
  raws.forEach((raw, index) => {
    const identified = identity.safeParse(raw);
    if (!identified.success) {
      issues.push(toIssue(ctx, raw, index, identified.error));
      return;
    }
    const checked = full.safeParse(raw);
    const issue = checked.success ? null : toIssue(ctx, raw, index, checked.error);
    if (issue) issues.push(issue);
    rows.push({ identity: identified.data, record: checked.success ? checked.data : null, issue });
  });
  return { rows, issues };
}

/** The issue of a record that failed `error`: its first problem, named by field. */
function toIssue(ctx: ValidationContext, raw: unknown, index: number, error: z.ZodError): PartnerRecordIssue {
  const first = error.issues[0];
  return {
    bron: ctx.bron,
    bronSysteem: ctx.bronSysteem,
    recordSoort: ctx.recordSoort,
    record: safeKey(ctx, raw, index),
    veld: first && first.path.length > 0 ? first.path.join('.') : '(record)',
    melding: first?.message ?? 'invalid record',
  };
}

function safeKey(ctx: ValidationContext, raw: unknown, index: number): string {
  try {
    const key = ctx.recordKey(raw, index);
    return key || `#${index}`;
  } catch {
    return `#${index}`;
  }
}

/** Property access on an unknown raw record, for `recordKey` functions. */
export function field(raw: unknown, name: string): string {
  if (raw && typeof raw === 'object' && name in raw) {
    const value = (raw as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return '';
}
