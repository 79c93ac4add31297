/**
 * Verifies an access token and says who is asking: takes the `Authorization` header (only
 * `Bearer <jwt>`), checks signature (keys from the JWKS of the configuration), algorithm, `iss`, `aud`
 * and `exp`/`nbf` (30 s clock tolerance) with jose, then reads the actor from the claims. Every failure
 * is an `AuthenticationError` with a `reason` and a message a front-end developer can act on; the
 * token itself is never part of a message. The gateway verifies each request with it, and each subgraph
 * verifies the forwarded token itself with `verifierFromEnv()`.
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { ZodError } from 'zod';
import { actorFromClaims, describeClaimsError, type Actor } from './actor.js';
import { loadAuthConfig, type AuthConfig } from './auth-config.js';

export const AUTHENTICATION_FAILURES = ['missing', 'malformed', 'expired', 'signature', 'audience', 'issuer', 'algorithm', 'claims'] as const;
export type AuthenticationFailure = (typeof AUTHENTICATION_FAILURES)[number];

/** The request carries no usable token; `reason` says why, `message` what to do. Answer with 401. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The issuer's keys could not be fetched: our problem, not the client's. Answer with 503. */
export class KeysUnavailableError extends Error {
  override readonly name = 'KeysUnavailableError';
}

export interface TokenVerifier {
  readonly config: AuthConfig;
  /** The actor of a valid `Authorization: Bearer <jwt>` header; throws AuthenticationError otherwise. */
  verify(authorizationHeader: string | undefined): Promise<Actor>;
}

export const CLOCK_TOLERANCE_SECONDS = 30;
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keys: JWTVerifyGetKey =
    config.keys.kind === 'local'
      ? createLocalJWKSet(config.keys.jwks)
      : // Cached by jose: refetched after 10 minutes, or (at most every 30 s) when a token names an unknown kid.
        createRemoteJWKSet(new URL(config.keys.url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: [...config.algorithms],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp'],
  };

  return {
    config,
    async verify(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      const payload = await verifyJwt(token, keys, options, config);
      try {
        return actorFromClaims(payload);
      } catch (error) {
        if (error instanceof ZodError) throw new AuthenticationError('claims', `Token ${describeClaimsError(error)}`);
        throw error;
      }
    },
  };
}

let fromEnv: TokenVerifier | undefined;

/** One verifier per process, configured by `loadAuthConfig()` (throws its refusals on first use). */
export function verifierFromEnv(): TokenVerifier {
  fromEnv ??= createTokenVerifier(loadAuthConfig());
  return fromEnv;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined for any other shape. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header.trim())?.[1];
}

/** The token of `Authorization: Bearer <token>`; any other shape is refused. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new AuthenticationError('missing', 'No access token: send the header "Authorization: Bearer <token>"');
  }
  const token = bearerTokenOf(header);
  if (token === undefined) {
    const scheme = header.trim().split(/\s+/)[0] ?? '';
    const shown = /^[A-Za-z][A-Za-z0-9-]{0,20}$/.test(scheme) ? ` (got scheme "${scheme}")` : '';
    throw new AuthenticationError('malformed', `Authorization header must be "Bearer <token>"${shown}`);
  }
  if (!COMPACT_JWT.test(token)) {
    throw new AuthenticationError('malformed', 'Access token is not a signed JWT (three base64url parts separated by dots)');
  }
  return token;
}

async function verifyJwt(token: string, keys: JWTVerifyGetKey, options: JWTVerifyOptions, config: AuthConfig): Promise<JWTPayload> {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new AuthenticationError('malformed', 'Access token is not a JWT: its header is not base64url-encoded JSON');
  }
  try {
    return (await jwtVerify(token, keys, options)).payload;
  } catch (error) {
    if (error instanceof errors.JWKSMultipleMatchingKeys) return verifyWithEach(token, error, options, config);
    throw explain(error, alg, config);
  }
}

/** Several keys fit a token without `kid` (key rotation): the first one whose signature checks wins. */
async function verifyWithEach(token: string, candidates: errors.JWKSMultipleMatchingKeys, options: JWTVerifyOptions, config: AuthConfig): Promise<JWTPayload> {
  for await (const key of candidates) {
    try {
      return (await jwtVerify(token, key, options)).payload;
    } catch (error) {
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw explain(error, undefined, config);
    }
  }
  throw explain(new errors.JWSSignatureVerificationFailed(), undefined, config);
}

function explain(error: unknown, alg: unknown, config: AuthConfig): Error {
  const issuer = `"${config.issuer}"`;
  if (error instanceof errors.JWTExpired) {
    const exp = error.payload.exp;
    const when = typeof exp === 'number' ? ` at ${new Date(exp * 1000).toISOString()}` : '';
    return new AuthenticationError('expired', `Token expired${when}; get a new one`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthenticationError('audience', `Token audience must be "${config.audience}"`);
    if (error.claim === 'iss') return new AuthenticationError('issuer', `Token issuer must be ${issuer}`);
    if (error.claim === 'nbf') {
      const nbf = error.payload.nbf;
      return new AuthenticationError('claims', `Token claim "nbf": not valid before ${typeof nbf === 'number' ? new Date(nbf * 1000).toISOString() : 'a later time'}; check the clocks`);
    }
    return new AuthenticationError('claims', `Token claim "${error.claim}" ${error.reason === 'missing' ? 'is required' : 'is invalid'}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || (error instanceof errors.JOSENotSupported && typeof alg === 'string')) {
    const shown = typeof alg === 'string' && /^[A-Za-z0-9+-]{1,20}$/.test(alg) ? `"${alg}" ` : '';
    return new AuthenticationError('algorithm', `Token algorithm ${shown}is not accepted; use one of ${config.algorithms.join(', ')}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthenticationError('signature', `Token signature is not valid for the keys of issuer ${issuer}`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('signature', `Token is not signed by a current key of issuer ${issuer} (unknown "kid"); get a new token`);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported || error instanceof errors.JWKInvalid) {
    return new AuthenticationError('malformed', `Access token is not a valid JWT (${error.message})`);
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof errors.JOSEError || error instanceof TypeError) {
    // Network, HTTP or JSON failure of the key set URL (jose's own, or fetch's TypeError).
    return new KeysUnavailableError(`The token keys of issuer ${issuer} could not be fetched (${error instanceof errors.JOSEError ? error.code : error.message}); try again later`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
