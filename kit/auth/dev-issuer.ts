/**
 * The local dev issuer: signs access tokens for development and tests, so the graph can be used
 * without an identity provider. Never in production (refused there).
 *
 * One ES256 key pair, made on first use and kept with the other development keys in
 * `DEV_SLEUTELS_DIR` (default `.data/dev-sleutels`, see kit/keys/dev-secrets.ts), so the gateway, the
 * subgraphs and `npm run token` in other processes agree on it; made exactly once even when several
 * processes start at the same moment. The public key set (with `kid`) is `jwks` and is also written
 * to `dev-issuer.jwks.json` next to the key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, type JSONWebKeySet } from 'jose';
import { readOrCreateOnce } from '../keys/create-once.js';
import { devKeysDir } from '../keys/dev-secrets.js';
import type { AuthConfig } from './auth-config.js';
import { DEFAULT_AUDIENCE, isProduction } from '../omgeving.js';

/** `iss` of every dev token. Refused as AUTH_ISSUER in production. */
export const DEV_ISSUER_ID = 'urn:een-loket:dev-issuer';
export const DEV_ISSUER_ALGORITHM = 'ES256';
/** Default lifetime of a dev token: a working day. */
export const DEFAULT_DEV_TOKEN_SECONDS = 8 * 60 * 60;

const KEY_FILE = 'dev-issuer.json';
const JWKS_FILE = 'dev-issuer.jwks.json';

export type DevIssuerOptions = { dir: string } | { inMemory: true };

/** Claims of a dev token. Not checked here (tests make bad tokens on purpose); the CLI checks them. */
export interface DevTokenClaims {
  rol: string;
  /** Default: one per role and organisation, see `devSubject`. */
  sub?: string;
  organisatie?: string;
  regios?: readonly string[];
  kvk?: string;
  [claim: string]: unknown;
}

export interface IssueOptions {
  /** Seconds from now until `exp`; default 8 hours. Zero or negative gives an expired token (tests). */
  expiresIn?: number;
  /** `aud`; default `een-loket-graph`. */
  audience?: string | string[];
  /** `iss`; default the dev issuer's. Only tests set another. */
  issuer?: string;
}

export interface DevIssuer {
  /** `iss` of its tokens. */
  readonly issuer: string;
  /** Key id in the header of its tokens and in `jwks`. */
  readonly kid: string;
  /** The public key set that verifies its tokens. */
  readonly jwks: JSONWebKeySet;
  /** A signed access token (compact JWT). */
  issue(claims: DevTokenClaims, options?: IssueOptions): Promise<string>;
}

interface StoredKey {
  kid: string;
  privateJwk: JsonWebKey;
}

/** Where the key is kept: with the other development keys (`DEV_SLEUTELS_DIR`). */
export function devIssuerDir(env: NodeJS.ProcessEnv = process.env): string {
  return devKeysDir(env);
}

/**
 * The subject of a dev token without an explicit `sub`: one per role and organisation (or employer,
 * or region), e.g. `dev-klantmanager-GM0193`, so two dev tokens of different organisations are two
 * different actors in access decisions and in the audit log.
 */
export function devSubject(claims: Pick<DevTokenClaims, 'rol' | 'organisatie' | 'kvk' | 'regios'>): string {
  // Claims are not checked here (tests issue bad ones on purpose), so read them defensively.
  const regios = Array.isArray(claims.regios) && claims.regios.length > 0 ? claims.regios.join('-') : undefined;
  const wie = claims.organisatie ?? claims.kvk ?? regios;
  return wie === undefined ? `dev-${claims.rol}` : `dev-${claims.rol}-${wie}`;
}

/** The dev issuer with the key in `dir` (made on first use) or a new key in memory. Throws in production. */
export function createDevIssuer(options: DevIssuerOptions, env: NodeJS.ProcessEnv = process.env): DevIssuer {
  if (isProduction(env)) {
    throw new Error('The dev issuer is refused in production (EEN_LOKET_OMGEVING=productie or NODE_ENV=production); set AUTH_JWKS_URL and AUTH_ISSUER to your identity provider');
  }
  const stored = 'inMemory' in options ? newKey() : loadOrCreateKey(options.dir);
  const privateKey = createPrivateKey({ key: stored.privateJwk, format: 'jwk' });
  const jwks = publicJwks(stored.kid, privateKey);
  return {
    issuer: DEV_ISSUER_ID,
    kid: stored.kid,
    jwks,
    async issue(claims, issueOptions = {}) {
      const { sub, ...rest } = claims;
      const now = Math.floor(Date.now() / 1000);
      const payload = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      return new SignJWT(payload)
        .setProtectedHeader({ alg: DEV_ISSUER_ALGORITHM, kid: stored.kid, typ: 'JWT' })
        .setIssuer(issueOptions.issuer ?? DEV_ISSUER_ID)
        .setAudience(issueOptions.audience ?? DEFAULT_AUDIENCE)
        .setSubject(sub ?? devSubject(claims))
        .setIssuedAt(now)
        .setExpirationTime(now + (issueOptions.expiresIn ?? DEFAULT_DEV_TOKEN_SECONDS))
        .setJti(randomUUID())
        .sign(privateKey);
    },
  };
}

/** The auth configuration that accepts exactly this dev issuer's tokens. */
export function devAuthConfig(issuer: DevIssuer, audience: string = DEFAULT_AUDIENCE): AuthConfig {
  return { issuer: issuer.issuer, audience, algorithms: [DEV_ISSUER_ALGORITHM], keys: { kind: 'local', jwks: issuer.jwks } };
}

function newKey(): StoredKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid: `dev-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`, privateJwk: privateKey.export({ format: 'jwk' }) };
}

function publicJwks(kid: string, privateKey: KeyObject): JSONWebKeySet {
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { keys: [{ kty, crv, x, y, kid, alg: DEV_ISSUER_ALGORITHM, use: 'sig' }] };
}

function loadOrCreateKey(dir: string): StoredKey {
  const key = readOrCreateOnce(join(dir, KEY_FILE), () => `${JSON.stringify(newKey(), null, 2)}\n`, parseKey);
  const jwksFile = join(dir, JWKS_FILE);
  if (!existsSync(jwksFile)) {
    const temp = `${jwksFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temp, `${JSON.stringify(publicJwks(key.kid, createPrivateKey({ key: key.privateJwk, format: 'jwk' })), null, 2)}\n`);
    renameSync(temp, jwksFile); // same content from every process, so replacing is fine
  }
  return key;
}

/** A stored key; anything else is refused (the caller names the file). */
function parseKey(text: string): StoredKey {
  const parsed = JSON.parse(text) as Partial<StoredKey>;
  const jwk = parsed.privateJwk;
  if (typeof parsed.kid !== 'string' || !jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') throw new Error('not an ES256 private key');
  createPrivateKey({ key: jwk, format: 'jwk' });
  return { kid: parsed.kid, privateJwk: jwk };
}
