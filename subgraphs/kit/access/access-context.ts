/**
 * Per-request access state of a subgraph, built from the request's headers: which part called (its
 * service token, verified here), who asks (the forwarded bearer token, verified here again —
 * enforcement does not trust the router), for what purpose, the client request and trace it belongs
 * to, and the audit trail its personal-data reads go to. Kept in the request's context, never in
 * module state.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../../kit/auth/actor.js';
import { bearerTokenOf } from '../../../kit/auth/token-verifier.js';
import type { Dienst } from '../../../kit/service-identity/diensten.js';
import { DIENST_TOKEN_HEADER, type DienstAanroep, type DienstTokenVerifier } from '../../../kit/service-identity/service-token.js';
import { newTraceId, parseTraceparent } from '../../../kit/trace-context.js';
import type { DecisionSigner } from './access-decision.js';
import type { OnthullingsRegel } from './disclosure-control.js';
import { createAuditTrail, type AuditSink, type AuditTrail } from './audit-trail.js';
import { readPurpose, type PurposeResult } from './purpose.js';

/** What a subgraph needs to enforce access; one per process and subgraph. */
export interface AccessDependencies {
  /** Verifies `Authorization: Bearer …` (the gateway's verifier: same issuer, audience and keys). */
  verifier: { verify(authorization: string | undefined): Promise<Actor> };
  signer: DecisionSigner;
  /** This subgraph's service identity: its name, and the verifier of its callers' service tokens. */
  dienst: { naam: Dienst; verifier: DienstTokenVerifier };
  auditSink: AuditSink;
  /** The disclosure-control rule for counts (KLEINE_AANTALLEN_DREMPEL). */
  onthulling: OnthullingsRegel;
}

export interface AccessContext {
  /**
   * The part that called, with the client request it serves (`verzoek`: the router's id of the
   * client request, to which decisions and audit records are bound); undefined without a valid
   * service token (`dienstFout` says why).
   */
  aanroep?: DienstAanroep;
  dienstFout?: Error;
  /** Undefined when the request carries no valid token; `authenticationError` says why. */
  actor?: Actor;
  authenticationError?: Error;
  purpose: PurposeResult;
  signer: DecisionSigner;
  traceId: string;
  /** Present when actor and purpose are: where reads of personal data are recorded. */
  audit?: AuditTrail;
}

export async function createAccessContext(headers: IncomingHttpHeaders, deps: AccessDependencies): Promise<AccessContext> {
  const authorization = single(headers.authorization);
  const userToken = bearerTokenOf(authorization);
  const [aanroep, dienstFout] = await settle(deps.dienst.verifier.verify(single(headers[DIENST_TOKEN_HEADER]), userToken));
  const [actor, authenticationError] = await settle(deps.verifier.verify(authorization));
  const trace = parseTraceparent(single(headers.traceparent));
  const traceId = trace?.traceId ?? newTraceId();
  const purpose = readPurpose(headers, actor);
  const audit =
    aanroep && actor && authorization && purpose.ok
      ? createAuditTrail({ sink: deps.auditSink, resource: `een-loket/${deps.dienst.naam}`, authorization, verzoek: aanroep.verzoek, purpose: purpose.purpose, traceId, parentSpanId: trace?.spanId ?? null })
      : undefined;
  return { aanroep, dienstFout, actor, authenticationError, purpose, signer: deps.signer, traceId, audit };
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function settle<T>(promise: Promise<T>): Promise<[T | undefined, Error | undefined]> {
  try {
    return [await promise, undefined];
  } catch (error) {
    return [undefined, error instanceof Error ? error : new Error(String(error))];
  }
}
