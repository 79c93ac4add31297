/**
 * Errors that name the partner. A bad record is a `PartnerRecordIssue` (reported, the record left
 * out; thrown for a single lookup as `PartnerRecordError`); an unreachable or failing partner system
 * is a `PartnerUnavailableError`. Subgraphs turn both into GraphQL errors with `extensions.code` and
 * `extensions.bron` (see `subgraphs/kit/errors.ts`). Neither ever carries a BSN.
 */
import type { Bron } from './vocabulary.js';

/** One partner record that failed parsing or validation and was left out. */
export interface PartnerRecordIssue {
  bron: Bron;
  /** The configured source system, e.g. `gm-am36-a` or `uwv`. */
  bronSysteem: string;
  /** Kind of record, e.g. `klant`, `werkgever`, `vacature`. */
  recordSoort: string;
  /** The partner's key of the record when it could be read (never a BSN), else its position. */
  record: string;
  /** Dotted path of the offending field, e.g. `geboortedatum`. */
  veld: string;
  /** What was wrong, in words. */
  melding: string;
}

export function describeIssue(issue: PartnerRecordIssue): string {
  return `${issue.bron} (${issue.bronSysteem}) ${issue.recordSoort} ${issue.record}: ${issue.veld}: ${issue.melding}`;
}

/** A looked-up record was invalid; the rest of the batch is fine. */
export class PartnerRecordError extends Error {
  readonly issue: PartnerRecordIssue;
  constructor(issue: PartnerRecordIssue) {
    super(describeIssue(issue));
    this.name = 'PartnerRecordError';
    this.issue = issue;
  }
}

/** The partner system failed or could not be reached. */
export class PartnerUnavailableError extends Error {
  readonly bron: Bron;
  readonly bronSysteem: string;
  constructor(bron: Bron, bronSysteem: string, message: string, options?: { cause?: unknown }) {
    super(`${bron} (${bronSysteem}): ${message}`, options);
    this.name = 'PartnerUnavailableError';
    this.bron = bron;
    this.bronSysteem = bronSysteem;
  }
}

/** Whatever a call to a partner threw, as the `PartnerUnavailableError` that names that partner. */
export function asPartnerUnavailable(error: unknown, bron: Bron, bronSysteem: string): PartnerUnavailableError {
  if (error instanceof PartnerUnavailableError) return error;
  return new PartnerUnavailableError(bron, bronSysteem, error instanceof Error ? error.message : String(error), { cause: error });
}
