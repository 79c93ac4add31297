/**
 * Validates partner records one by one with a zod schema: good records come back parsed, bad ones
 * come back as issues naming partner, record and field. A bad record never fails the batch.
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
    if (result.success) {
      records.push(result.data);
      return;
    }
    const first = result.error.issues[0];
    issues.push({
      bron: ctx.bron,
      bronSysteem: ctx.bronSysteem,
      recordSoort: ctx.recordSoort,
      record: safeKey(ctx, raw, index),
      veld: first && first.path.length > 0 ? first.path.join('.') : '(record)',
      melding: first?.message ?? 'invalid record',
    });
  });
  return { records, issues };
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
