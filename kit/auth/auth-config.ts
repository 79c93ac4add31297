/**
 * How access tokens are verified, read from the environment: which issuer, which audience, which
 * signature algorithms, and where the public keys come from (an identity provider's JWKS URL, or the
 * local dev issuer's key set outside production). Production refuses to start on anything unsafe.
 *
 * | variable | default | |
 * |---|---|---|
 * | `AUTH_ISSUER` | dev issuer outside production | `iss` every token must carry; required in production |
 * | `AUTH_AUDIENCE` | `een-loket-graph` | `aud` every token must carry |
 * | `AUTH_JWKS_URL` | unset: the dev issuer (not in production) | the issuer's public keys; https, required in production |
 * | `AUTH_ALGORITHMS` | `ES256,RS256` | accepted signature algorithms; `none` and HS* are refused |
 * | `AUTH_DEV_ISSUER` | unset | `1`: use the dev issuer even when AUTH_JWKS_URL is set; refused in production |
 * | `DEV_SLEUTELS_DIR` | `.data/dev-sleutels` | where the dev issuer keeps its key, with the other development keys |
 * | `EEN_LOKET_OMGEVING` | `ontwikkeling` | `productie`, `test` or `ontwikkeling`; `NODE_ENV=production` is production too |
 */
import type { JSONWebKeySet } from 'jose';
import { createDevIssuer, DEV_ISSUER_ID, devAuthConfig, devIssuerDir } from './dev-issuer.js';
import { DEFAULT_AUDIENCE, isProduction } from '../omgeving.js';

export type AuthKeys = { kind: 'jwks-url'; url: string } | { kind: 'local'; jwks: JSONWebKeySet };

export interface AuthConfig {
  /** Required `iss`. */
  issuer: string;
  /** Required `aud` (one of the token's audiences). */
  audience: string;
  /** Accepted `alg` values; asymmetric only. */
  algorithms: readonly string[];
  keys: AuthKeys;
}

export const DEFAULT_ALGORITHMS = ['ES256', 'RS256'] as const;
/** Asymmetric JWS algorithms; `none` and the HMAC ones (a shared secret) are never accepted. */
export const ACCEPTED_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA', 'Ed25519'] as const;

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = isProduction(env);
  const audience = env.AUTH_AUDIENCE || DEFAULT_AUDIENCE;
  const algorithms = parseAlgorithms(env.AUTH_ALGORITHMS);
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  const issuer = env.AUTH_ISSUER || undefined;
  const devIssuerWanted = env.AUTH_DEV_ISSUER !== undefined && env.AUTH_DEV_ISSUER !== '' && env.AUTH_DEV_ISSUER !== '0';

  if (production) {
    if (devIssuerWanted) throw new Error('AUTH_DEV_ISSUER is refused in production: the dev issuer signs tokens for anyone; unset it');
    if (!jwksUrl) throw new Error('AUTH_JWKS_URL is required in production: the URL of your identity provider\'s public keys (JWKS)');
    if (!issuer) throw new Error('AUTH_ISSUER is required in production: the "iss" of your identity provider\'s tokens');
    if (issuer === DEV_ISSUER_ID) throw new Error(`AUTH_ISSUER must not be the dev issuer ("${DEV_ISSUER_ID}") in production`);
  }
  if (devIssuerWanted || !jwksUrl) {
    if (issuer && issuer !== DEV_ISSUER_ID) {
      throw new Error(`AUTH_ISSUER is "${issuer}" but AUTH_JWKS_URL is not set${devIssuerWanted ? ' (or AUTH_DEV_ISSUER is set)' : ''}: set AUTH_JWKS_URL to that issuer's keys, or unset AUTH_ISSUER to use the dev issuer`);
    }
    return devAuthConfig(createDevIssuer({ dir: devIssuerDir(env) }, env), audience);
  }
  if (!issuer) throw new Error('AUTH_ISSUER is required when AUTH_JWKS_URL is set: the "iss" of that issuer\'s tokens');
  return { issuer, audience, algorithms, keys: { kind: 'jwks-url', url: checkJwksUrl(jwksUrl, production) } };
}

/** AUTH_ALGORITHMS as a list; `none`, HS* and anything unknown are refused by name. */
export function parseAlgorithms(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_ALGORITHMS];
  const algorithms = [...new Set(value.split(',').map((a) => a.trim()).filter(Boolean))];
  for (const alg of algorithms) {
    if (alg.toLowerCase() === 'none') throw new Error('AUTH_ALGORITHMS must not contain "none": unsigned tokens are never accepted');
    if (/^hs\d+$/i.test(alg)) throw new Error(`AUTH_ALGORITHMS must not contain "${alg}": HMAC algorithms share a secret; use ES256 or RS256`);
    if (!(ACCEPTED_ALGORITHMS as readonly string[]).includes(alg)) throw new Error(`AUTH_ALGORITHMS contains unknown algorithm "${alg}"; accepted: ${ACCEPTED_ALGORITHMS.join(', ')}`);
  }
  if (algorithms.length === 0) throw new Error('AUTH_ALGORITHMS must name at least one algorithm');
  return algorithms;
}

function checkJwksUrl(value: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`AUTH_JWKS_URL must be a URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) {
    throw new Error(`AUTH_JWKS_URL must use https${production ? ' in production' : ' (http only outside production)'}, got "${value}"`);
  }
  return url.href;
}
