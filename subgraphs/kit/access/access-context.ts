/**
 * Per-request access state of a subgraph, built from the request's headers: who asks (the forwarded
 * bearer token, verified here again — enforcement does not trust the router), for what purpose, the
 * trace the request belongs to, and the audit trail its personal-data reads go to. Kept in the
 * request's context, never in module state.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../../kit/auth/actor.js';
import { parseTraceparent } from '../../../kit/trace-context.js';
import type { DecisionSigner } from './access-decision.js';
import { createAuditTrail, type AuditSink, type AuditTrail } from './audit-trail.js';
import { readPurpose, type PurposeResult } from './purpose.js';

/** What a subgraph needs to enforce access; one per process. */
export interface AccessDependencies {
  /** Verifies `Authorization: Bearer …` (the gateway's verifier: same issuer, audience and keys). */
  verifier: { verify(authorization: string | undefined): Promise<Actor> };
  signer: DecisionSigner;
  auditSink: AuditSink;
}

export interface AccessContext {
  /** Undefined when the request carries no valid token; `authenticationError` says why. */
  actor?: Actor;
  authenticationError?: Error;
  purpose: PurposeResult;
  signer: DecisionSigner;
  traceId: string;
  /** Present when actor and purpose are: where reads of personal data are recorded. */
  audit?: AuditTrail;
}

export async function createAccessContext(headers: IncomingHttpHeaders, resource: string, deps: AccessDependencies): Promise<AccessContext> {
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : undefined;
  let actor: Actor | undefined;
  let authenticationError: Error | undefined;
  try {
    actor = await deps.verifier.verify(authorization);
  } catch (error) {
    authenticationError = error instanceof Error ? error : new Error(String(error));
  }
  const trace = parseTraceparent(typeof headers.traceparent === 'string' ? headers.traceparent : undefined);
  const traceId = trace?.traceId ?? randomBytes(16).toString('hex');
  const purpose = readPurpose(headers, actor);
  const audit =
    actor && authorization && purpose.ok
      ? createAuditTrail({ sink: deps.auditSink, resource, authorization, purpose: purpose.purpose, traceId, parentSpanId: trace?.spanId ?? null })
      : undefined;
  return { actor, authenticationError, purpose, signer: deps.signer, traceId, audit };
}
