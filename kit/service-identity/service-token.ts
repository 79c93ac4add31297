/**
 * Service tokens: how one part proves to another that it is that part — on top of the user's access
 * token, which every call carries as well. The router signs one for each subgraph it calls; a subgraph
 * signs one for each write to the logboek. A service token is a short-lived JWT (ES256) in the header
 * `x-dienst-token`, with
 * - `iss` the calling part and a `kid` of that part's key (a key speaks only for its own part),
 * - `aud` the part called (a token for the uwv subgraph is refused by every other part),
 * - `verzoek` the id of the client request it serves (one per client request, made by the router), to
 *   which access decisions and audit records are bound, so no router can merge two requests,
 * - `ath` the SHA-256 of the user's access token sent with it (as in DPoP), so it cannot be replayed
 *   with another user's token,
 * - `typ` `een-loket-dienst+jwt`, so it is never mistaken for an access token (RFC 8725 §3.11).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, errors, importJWK, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { CLOCK_TOLERANCE_SECONDS } from '../auth/token-verifier.js';
import type { Dienst } from './diensten.js';
import { DIENST_ALGORITME, dienstOfKid, type DienstSleutels } from './service-keys.js';

/** The request header that carries a service token. */
export const DIENST_TOKEN_HEADER = 'x-dienst-token';
export const DIENST_TOKEN_TYP = 'een-loket-dienst+jwt';
/** Lifetime of a service token: one hop of one request (clocks may differ by the access tokens' tolerance, 30 s). */
export const DIENST_TOKEN_SECONDEN = 60;
const VERZOEK = /^[0-9a-f]{32}$/;

/** A verified call: which part called, for which client request. */
export interface DienstAanroep {
  van: Dienst;
  /** The client request this call serves; null for calls outside a client request (the router's schema check). */
  verzoek: string | null;
}

/** Why a call carries no valid service identity. The message names the header, never a token. */
export class DienstIdentiteitFout extends Error {
  override readonly name = 'DienstIdentiteitFout';
}

export interface DienstTokenMinter {
  readonly dienst: Dienst;
  /** A token for one call to `naar`, serving client request `verzoek`, sent along with the user's access token `gebruikerToken`. */
  mint(naar: Dienst, verzoek: string | null, gebruikerToken?: string): Promise<string>;
}

export interface DienstTokenVerifier {
  /** The verified caller of a request to this part; throws DienstIdentiteitFout. `gebruikerToken`: the request's user token, if any. */
  verify(header: string | undefined, gebruikerToken: string | undefined): Promise<DienstAanroep>;
}

/** A new client request id (16 random bytes, hex). */
export function nieuwVerzoek(): string {
  return randomBytes(16).toString('hex');
}

/** `ath`: base64url SHA-256 of an access token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function dienstTokenMinter(sleutels: DienstSleutels, dienst: Dienst): DienstTokenMinter {
  const jwk = sleutels.prive[dienst];
  if (!jwk) throw new Error(`no private service key for the ${dienst} (DIENST_SLEUTEL)`);
  const key = importJWK({ ...jwk, alg: DIENST_ALGORITME } as Parameters<typeof importJWK>[0], DIENST_ALGORITME);
  const kid = String(jwk.kid);
  return {
    dienst,
    async mint(naar, verzoek, gebruikerToken) {
      const claims: Record<string, string> = {};
      if (verzoek !== null) claims.verzoek = verzoek;
      if (gebruikerToken !== undefined) claims.ath = tokenHash(gebruikerToken);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: DIENST_ALGORITME, kid, typ: DIENST_TOKEN_TYP })
        .setIssuer(dienst)
        .setAudience(naar)
        .setIssuedAt(now)
        .setExpirationTime(now + DIENST_TOKEN_SECONDEN)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(await key);
    },
  };
}

export function dienstTokenVerifier(sleutels: DienstSleutels, ontvanger: Dienst): DienstTokenVerifier {
  const keys: JWTVerifyGetKey = createLocalJWKSet(sleutels.jwks);
  return {
    async verify(header, gebruikerToken) {
      if (!header) throw new DienstIdentiteitFout(`the ${ontvanger} answers only the parts of this deployment: the request has no service token (${DIENST_TOKEN_HEADER})`);
      let van: Dienst | undefined;
      try {
        van = dienstOfKid(decodeProtectedHeader(header).kid);
      } catch {
        van = undefined;
      }
      if (!van) throw new DienstIdentiteitFout(`${DIENST_TOKEN_HEADER} is not a service token of a part of this deployment`);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(header, keys, {
          algorithms: [DIENST_ALGORITME],
          typ: DIENST_TOKEN_TYP,
          issuer: van,
          audience: ontvanger,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          maxTokenAge: DIENST_TOKEN_SECONDEN + CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'iat', 'jti'],
        }));
      } catch (error) {
        throw new DienstIdentiteitFout(`${DIENST_TOKEN_HEADER} of the ${van} is not valid here (${reason(error)})`);
      }
      const ath = payload.ath;
      if (gebruikerToken === undefined ? ath !== undefined : ath !== tokenHash(gebruikerToken)) {
        throw new DienstIdentiteitFout(`${DIENST_TOKEN_HEADER} of the ${van} was made for another access token than the one in Authorization`);
      }
      const verzoek = payload.verzoek;
      if (verzoek !== undefined && (typeof verzoek !== 'string' || !VERZOEK.test(verzoek))) throw new DienstIdentiteitFout(`${DIENST_TOKEN_HEADER} of the ${van} has an invalid request id`);
      return { van, verzoek: verzoek ?? null };
    },
  };
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} ${error.reason === 'missing' ? 'missing' : 'invalid'}`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'signature';
  return 'malformed';
}
