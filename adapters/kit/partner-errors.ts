/**
 * Errors that name the partner. A bad record is a `PartnerRecordIssue` (reported, the record left
 * out; thrown for a single lookup as `PartnerRecordError`); an unreachable or failing partner system
 * is a `PartnerUnavailableError`. Subgraphs turn both into GraphQL errors with `extensions.code` and
 * `extensions.bron` (see `subgraphs/kit/errors.ts`). Neither ever carries a BSN.
 *
 * What a client reads of a failing partner is the partner, the source system and a category of
 * failure — never an endpoint, a path, an exception class or text the partner sent; those go in
 * `detail`, for the operator's log only (`describeForLog`).
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

/** Kinds of partner failure, with what a client is told. */
export const STORINGEN = {
  ONBEREIKBAAR: 'the partner system could not be reached',
  TIMEOUT: 'the partner system did not answer in time',
  HTTP_FOUT: 'the partner system answered with an error',
  ONGELDIG_ANTWOORD: 'the partner system sent an answer that cannot be read',
  NIET_GECONFIGUREERD: 'the source system is not configured',
  ONDERBROKEN: 'calls to the partner system are paused after repeated failures',
  OVERBELAST: 'too many calls to the partner system at once',
  NIET_GELEZEN: "the partner system's lists could not be read, so this record cannot be found yet",
  FOUT: 'the partner system failed',
} as const;
export type Storing = keyof typeof STORINGEN;

/** Whether the same request may succeed later: the failure is the partner's state, not the request or the data. */
function isRetryable(categorie: Storing, httpStatus: number | undefined): boolean {
  if (categorie === 'HTTP_FOUT') return httpStatus === undefined || httpStatus >= 500 || httpStatus === 429 || httpStatus === 408;
  return categorie !== 'ONGELDIG_ANTWOORD' && categorie !== 'NIET_GECONFIGUREERD' && categorie !== 'FOUT';
}

/** The partner system failed or could not be reached. */
export class PartnerUnavailableError extends Error {
  readonly bron: Bron;
  readonly bronSysteem: string;
  readonly categorie: Storing;
  /** What exactly happened (method and path, error code, parser message): for logs, never for clients. */
  readonly detail?: string;
  /** Whether asking again later may succeed. */
  readonly retryable: boolean;
  /** When the partner said when to ask again (HTTP Retry-After), in seconds. */
  readonly retryAfterSeconds?: number;
  /** `httpStatus`: the partner's HTTP status, when it answered with one. */
  constructor(bron: Bron, bronSysteem: string, categorie: Storing, options: { detail?: string; httpStatus?: number; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(`${bron} (${bronSysteem}): ${STORINGEN[categorie]}${options.httpStatus ? ` (HTTP ${options.httpStatus})` : ''}`, { cause: options.cause });
    this.name = 'PartnerUnavailableError';
    this.bron = bron;
    this.bronSysteem = bronSysteem;
    this.categorie = categorie;
    this.detail = options.detail;
    this.retryable = isRetryable(categorie, options.httpStatus);
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Whatever a call to a partner threw, as the `PartnerUnavailableError` that names that partner. */
export function asPartnerUnavailable(error: unknown, bron: Bron, bronSysteem: string): PartnerUnavailableError {
  if (error instanceof PartnerUnavailableError) return error;
  return new PartnerUnavailableError(bron, bronSysteem, 'FOUT', { detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error), cause: error });
}

/** An error as an operator's log line: a partner failure with its detail. Never personal data. */
export function describeForLog(error: unknown): string {
  if (error instanceof PartnerUnavailableError && error.detail) return `${error.message} — ${error.detail}`;
  return error instanceof Error ? error.message : String(error);
}
