/**
 * The local dev issuer: signs access tokens for development and tests, so the graph can be used
 * without an identity provider. Never in production (refused there).
 *
 * One ES256 key pair, made on first use and kept in `.data/dev-issuer/` (`DEV_ISSUER_DIR`), so the
 * gateway, the subgraphs and `npm run token` in other processes agree on it. Creation is atomic: each
 * process writes a complete key to a temporary file and hard-links it into place, which fails when
 * another process was first; then everyone reads the winner's key. The public key set (with `kid`) is
 * `jwks` and is also written to `jwks.json` next to the key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, type JSONWebKeySet } from 'jose';
import type { AuthConfig } from './auth-config.js';
import { DEFAULT_AUDIENCE, isProduction } from '../omgeving.js';

/** `iss` of every dev token. Refused as AUTH_ISSUER in production. */
export const DEV_ISSUER_ID = 'urn:een-loket:dev-issuer';
export const DEV_ISSUER_ALGORITHM = 'ES256';
export const DEFAULT_DEV_ISSUER_DIR = '.data/dev-issuer';
/** Default lifetime of a dev token: a working day. */
export const DEFAULT_DEV_TOKEN_SECONDS = 8 * 60 * 60;

const KEY_FILE = 'signing-key.json';
const JWKS_FILE = 'jwks.json';

export type DevIssuerOptions = { dir: string } | { inMemory: true };

/** Claims of a dev token. Not checked here (tests make bad tokens on purpose); the CLI checks them. */
export interface DevTokenClaims {
  rol: string;
  /** Default `dev-<rol>`. */
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

/** Where the key is kept: `DEV_ISSUER_DIR`, default `.data/dev-issuer` (relative to the working directory). */
export function devIssuerDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DEV_ISSUER_DIR || DEFAULT_DEV_ISSUER_DIR;
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
        .setSubject(sub ?? `dev-${claims.rol}`)
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
  const file = join(dir, KEY_FILE);
  let key = readKey(file);
  if (!key) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temp, `${JSON.stringify(newKey(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temp, file); // atomic, and never replaces a key another process made first
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
    key = readKey(file);
    if (!key) throw new Error(`Dev issuer key ${file} vanished while it was being created`);
  }
  const jwksFile = join(dir, JWKS_FILE);
  if (!existsSync(jwksFile)) {
    const temp = `${jwksFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temp, `${JSON.stringify(publicJwks(key.kid, createPrivateKey({ key: key.privateJwk, format: 'jwk' })), null, 2)}\n`);
    renameSync(temp, jwksFile); // same content from every process, so replacing is fine
  }
  return key;
}

/** The stored key, or undefined when there is none yet. A damaged file is refused by name. */
function readKey(file: string): StoredKey | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<StoredKey>;
    const jwk = parsed.privateJwk;
    if (typeof parsed.kid !== 'string' || !jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') throw new Error('not an ES256 private key');
    createPrivateKey({ key: jwk, format: 'jwk' });
    return { kid: parsed.kid, privateJwk: jwk };
  } catch (error) {
    throw new Error(`${file} is not a dev issuer key (${(error as Error).message}); delete it to make a new one`);
  }
}
