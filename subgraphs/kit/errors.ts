/**
 * Turns partner failures into GraphQL errors a front-end can act on: `extensions.code` says what kind
 * of failure, `extensions.bron` which partner (and `categorie` how it failed), and for a bad record
 * `record` and `veld` say which one. Endpoints, paths and exception classes never reach the client.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { PartnerRecordError, PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';

export const ErrorCode = {
  /** A partner record was malformed and left out; the rest of the response is served. */
  PARTNER_RECORD_INVALID: 'PARTNER_RECORD_INVALID',
  /** A partner system failed or timed out; its fields are null, the rest is served. */
  PARTNER_UNAVAILABLE: 'PARTNER_UNAVAILABLE',
  /** An argument was wrong (unknown region, bad cursor, page too large). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
} as const;

/** Maps an error thrown in a resolver to the formatted error the client sees. */
export function formatPartnerError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo hands over the GraphQLError wrapping what the resolver threw.
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof PartnerRecordError) {
    const { issue } = original;
    return {
      ...formatted,
      message: `${issue.bron}: ${issue.recordSoort} ${issue.record} left out: ${issue.veld}: ${issue.melding}`,
      extensions: { code: ErrorCode.PARTNER_RECORD_INVALID, bron: issue.bron, bronSysteem: issue.bronSysteem, recordSoort: issue.recordSoort, record: issue.record, veld: issue.veld },
    };
  }
  if (original instanceof PartnerUnavailableError) {
    // The message names partner, source system and kind of failure; the detail stays in the log.
    return {
      ...formatted,
      message: original.message,
      extensions: {
        code: ErrorCode.PARTNER_UNAVAILABLE,
        bron: original.bron,
        bronSysteem: original.bronSysteem,
        categorie: original.categorie,
        retryable: original.retryable,
        ...(original.retryAfterSeconds !== undefined && { retryAfter: original.retryAfterSeconds }),
      },
    };
  }
  return formatted;
}

export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } });
}
