/**
 * The context of one client request at the gateway, made in Apollo Server's `context` function before
 * anything is planned or fetched: the verified actor, the headers every subgraph call forwards as
 * received (`authorization`, `x-doelbinding`, `x-verwerking`), the request's trace, and the request
 * id (`verzoek`) that every subgraph call's service token carries — one per client request, so access
 * decisions and audit records belong to exactly one request.
 *
 * A request without a valid token is answered 401 with `extensions.code` `UNAUTHENTICATED`,
 * `extensions.reason` and a `WWW-Authenticate: Bearer …` challenge (RFC 6750). So is a token sent in
 * the URL or the request body (RFC 6750 §2.2/2.3): URLs end up in logs and browser history, so such a
 * request is refused rather than served with the token ignored. Every request counts against a rate
 * limit — its actor's, or without a valid token its client address's — and one over it is answered
 * 429 `RATE_LIMITED` with `Retry-After` (rate-limit/).
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Actor } from '../kit/auth/actor.js';
import type { HttpRequestInfo } from '../kit/http/graphql-http-server.js';
import { nieuwVerzoek } from '../kit/service-identity/service-token.js';
import { DEFAULT_AUDIENCE } from '../kit/omgeving.js';
import { AuthenticationError, bearerTokenOf, KeysUnavailableError, type AuthenticationFailure, type TokenVerifier } from '../kit/auth/token-verifier.js';
import { newTraceId, parseTraceparent } from '../kit/trace-context.js';
import { RateLimitedError, type RateLimiter } from './rate-limit/rate-limit.js';

/** Request headers every subgraph receives exactly as the client sent them. */
export const FORWARDED_HEADERS = ['authorization', 'x-doelbinding', 'x-verwerking'] as const;
export type ForwardedHeader = (typeof FORWARDED_HEADERS)[number];

/** Names under which clients (wrongly) send tokens outside the Authorization header. */
const TOKEN_PARAMETERS = new Set(['access_token', 'token', 'id_token', 'jwt', 'bearer', 'authorization']);

export interface GatewayContext {
  actor: Actor;
  /** The verified access token itself (service tokens are bound to it). */
  accessToken: string;
  /** This client request's id, for the service token of every subgraph call it makes. */
  verzoek: string;
  forwardHeaders: Readonly<Partial<Record<ForwardedHeader, string>>>;
  trace: {
    /** The client's trace id when it sent a valid `traceparent`, else a new one for this request. */
    traceId: string;
    /** The client's valid `traceparent`, forwarded as received; absent: each subgraph call gets a new span in `traceId`. */
    traceparent?: string;
    /** The client's `tracestate`, forwarded with its valid `traceparent`. */
    tracestate?: string;
  };
}

export interface GatewayContextOptions {
  verifier: TokenVerifier;
  rateLimiter: RateLimiter;
  /** The `realm` of the Bearer challenge; default the audience. */
  realm?: string;
}

/** Apollo Server's `context` function for the gateway. */
export function gatewayContext({ verifier, rateLimiter, realm = DEFAULT_AUDIENCE }: GatewayContextOptions): (request: HttpRequestInfo) => Promise<GatewayContext> {
  return async (req) => {
    const misplaced = misplacedTokenParameter(req);
    if (misplaced) {
      await limited(rateLimiter.address(req.remoteAddress));
      throw unauthenticated('malformed', `Send the access token in the header "Authorization: Bearer <token>", not as ${misplaced}`, `Bearer realm="${realm}", error="invalid_request"`);
    }
    let actor: Actor;
    try {
      actor = await verifier.verify(header(req, 'authorization'));
    } catch (error) {
      if (error instanceof AuthenticationError) {
        await limited(rateLimiter.address(req.remoteAddress));
        const challenge = error.reason === 'missing' ? `Bearer realm="${realm}"` : `Bearer realm="${realm}", error="invalid_token", error_description="${quotable(error.message)}"`;
        throw unauthenticated(error.reason, error.message, challenge);
      }
      if (error instanceof KeysUnavailableError) {
        throw new GraphQLError(error.message, { extensions: httpExtensions({ code: 'AUTHENTICATION_UNAVAILABLE' }, 503, ['retry-after', '30']) });
      }
      throw error;
    }
    await limited(rateLimiter.actor(actor));
    const forwardHeaders: Partial<Record<ForwardedHeader, string>> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = header(req, name);
      if (value !== undefined) forwardHeaders[name] = value;
    }
    const clientTraceparent = header(req, 'traceparent');
    const client = parseTraceparent(clientTraceparent);
    const tracestate = header(req, 'tracestate');
    const trace: GatewayContext['trace'] = client
      ? { traceId: client.traceId, traceparent: clientTraceparent!.trim(), ...(tracestate !== undefined && { tracestate }) }
      : { traceId: newTraceId() };
    // Verified above, so present; the service tokens of the subgraph calls are bound to it.
    const accessToken = bearerTokenOf(header(req, 'authorization'))!;
    return { actor, accessToken, verzoek: nieuwVerzoek(), forwardHeaders, trace };
  };
}

/** A rate limiter's refusal as 429 `RATE_LIMITED` with `Retry-After`. */
async function limited(count: Promise<void>): Promise<void> {
  try {
    await count;
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    throw new GraphQLError(error.message, { extensions: httpExtensions({ code: 'RATE_LIMITED', retryAfter: error.retryAfterSeconds }, 429, ['retry-after', String(error.retryAfterSeconds)]) });
  }
}

function unauthenticated(reason: AuthenticationFailure, message: string, challenge: string): GraphQLError {
  return new GraphQLError(message, { extensions: httpExtensions({ code: 'UNAUTHENTICATED', reason }, 401, ['www-authenticate', challenge]) });
}

/**
 * Error extensions with Apollo Server's `http` (status and response headers; removed from the
 * response body). Apollo wants the headers as a Map; graphql-yoga's global typing of
 * `GraphQLErrorExtensions.http` (a Record) is in the same program, hence the loose type.
 */
function httpExtensions(extensions: Record<string, unknown>, status: number, header: [string, string]): Record<string, unknown> {
  return { ...extensions, http: { status, headers: new HeaderMap([header]) } };
}

/** The name of a query parameter, body field or body extension that carries a token, if any. */
function misplacedTokenParameter(req: HttpRequestInfo): string | undefined {
  for (const name of req.query.keys()) if (TOKEN_PARAMETERS.has(name.toLowerCase())) return `query parameter "${name}"`;
  const body = req.body;
  for (const operation of Array.isArray(body) ? body : [body]) {
    if (!isObject(operation)) continue;
    for (const name of Object.keys(operation)) if (TOKEN_PARAMETERS.has(name.toLowerCase())) return `body field "${name}"`;
    if (isObject(operation.extensions)) {
      for (const name of Object.keys(operation.extensions)) if (TOKEN_PARAMETERS.has(name.toLowerCase())) return `body field "extensions.${name}"`;
    }
  }
  return undefined;
}

function header(req: HttpRequestInfo, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text for a quoted-string in WWW-Authenticate: printable ASCII without `"` and `\`. */
function quotable(text: string): string {
  return text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
}
