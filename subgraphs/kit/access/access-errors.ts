/**
 * The errors access control gives, so a front-end can tell "log in again" (UNAUTHENTICATED) from
 * "you may not see this" (FORBIDDEN, with `extensions.reden` saying which rule) from "the audit log is
 * down" (AUDIT_UNAVAILABLE). A refused field is null; the rest of the response is served.
 */
import { GraphQLError } from 'graphql';

/** Machine-readable reasons in `extensions.reden`. */
export type Reden =
  | 'ROL'
  | 'REGIO'
  | 'EIGEN_WERKGEVER'
  | 'GEEN_KLANTRELATIE_OF_TOESTEMMING'
  | 'DOELBINDING'
  | 'BESLUIT_ONGELDIG';

export function unauthenticated(cause: Error | undefined): GraphQLError {
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
