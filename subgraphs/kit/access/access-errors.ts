/**
 * The errors access control gives, so a front-end can tell "log in again" (UNAUTHENTICATED) from
 * "you may not see this" (FORBIDDEN, with `extensions.reden` saying which rule) from "the audit log is
 * down" (AUDIT_UNAVAILABLE). A refused field is null; the rest of the response is served.
 */
import { GraphQLError } from 'graphql';
import { KeysUnavailableError } from '../../../kit/auth/token-verifier.js';

/** Machine-readable reasons in `extensions.reden`. */
export type Reden =
  | 'ROL'
  | 'REGIO'
  | 'EIGEN_WERKGEVER'
  | 'GEEN_KLANTRELATIE_OF_TOESTEMMING'
  | 'DOELBINDING'
  | 'BESLUIT_ONGELDIG'
  | 'KLEIN_AANTAL';

/**
 * The request has no valid token: 401 `UNAUTHENTICATED` — or, when the issuer's keys could not be
 * fetched (our failure, not the client's), 503 `AUTHENTICATION_UNAVAILABLE` as at the gateway.
 */
export function unauthenticated(cause: Error | undefined): GraphQLError {
  if (cause instanceof KeysUnavailableError) {
    return new GraphQLError(`Tokens cannot be checked now: ${cause.message}`, { extensions: { code: 'AUTHENTICATION_UNAVAILABLE', http: { status: 503 } } });
  }
  return new GraphQLError(`Not authenticated: ${cause?.message ?? 'no valid bearer token'}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export function forbidden(message: string, reden: Reden, veld?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reden, ...(veld ? { veld } : {}) } });
}

export function auditUnavailable(message: string, veld: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'AUDIT_UNAVAILABLE', veld } });
}
