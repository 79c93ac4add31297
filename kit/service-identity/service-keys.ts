/**
 * The key pairs behind service identity: every part that calls another (the router, and each subgraph
 * that writes to the logboek) signs its calls with its own private key; every part verifies callers
 * against one public key set (JWKS) of all parts, in which each key's `kid` starts with the part's
 * name (`router.3f9a…`), so a key can only speak for its own part.
 *
 * | setting | what it is |
 * |---|---|
 * | `DIENSTEN_JWKS` / `DIENSTEN_JWKS_FILE` | the public keys of every part (the same file everywhere); required in production |
 * | `DIENST_SLEUTEL` / `DIENST_SLEUTEL_FILE` | this part's private key (a JWK); required in production for the router and the subgraphs that record reads |
 *
 * `npm run dienstsleutels -- --map <folder>` makes both for a deployment (service-keys-cli.ts).
 * Outside production, without settings, every part uses this machine's development key pairs (one
 * file with all of them in `DEV_SLEUTELS_DIR`), so parts started separately from one folder agree.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { readOrCreateOnce } from '../keys/create-once.js';
import { devKeysDir } from '../keys/dev-secrets.js';
import { secretFromEnv, SettingError } from '../keys/secret-setting.js';
import { isProduction } from '../omgeving.js';
import { AANROEPERS, DIENSTEN, isDienst, type Dienst } from './diensten.js';

export const DIENST_ALGORITME = 'ES256';

export interface DienstSleutels {
  /** Public keys of every part; callers are verified against these. */
  jwks: JSONWebKeySet;
  /** Private keys (JWK, with `kid`) of the parts this process speaks for: one in production; all in the one-process stack. */
  prive: Partial<Record<Dienst, JsonWebKey>>;
}

const JWKS_SETTING = { name: 'DIENSTEN_JWKS', description: 'the public keys of every part (router and subgraphs), a JWKS; make it with npm run dienstsleutels', minLength: 2 };
const SLEUTEL_SETTING = { name: 'DIENST_SLEUTEL', description: "this part's private service key (a JWK) that signs its calls to other parts; make it with npm run dienstsleutels", minLength: 2 };
const DEV_FILE = 'diensten.json';

const PublicJwk = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal(DIENST_ALGORITME).optional() }).passthrough();
const PrivateJwk = PublicJwk.extend({ d: z.string() });

/** New key pairs for these parts (tests, the CLI, development). */
export function newDienstSleutels(diensten: readonly Dienst[] = AANROEPERS): DienstSleutels {
  const prive: Partial<Record<Dienst, JsonWebKey>> = {};
  for (const dienst of diensten) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    prive[dienst] = { ...privateKey.export({ format: 'jwk' }), kid: `${dienst}.${randomBytes(6).toString('hex')}`, alg: DIENST_ALGORITME };
  }
  return { jwks: publicKeySet(prive), prive };
}

/** The public key set of these private keys. */
export function publicKeySet(prive: Partial<Record<Dienst, JsonWebKey>>): JSONWebKeySet {
  return {
    keys: Object.values(prive).map((jwk) => {
      const { kty, crv, x, y } = createPublicKey(createPrivateKey({ key: jwk!, format: 'jwk' })).export({ format: 'jwk' });
      return { kty, crv, x, y, kid: jwk!.kid as string, alg: DIENST_ALGORITME, use: 'sig' };
    }),
  };
}

/** The part a key belongs to, from its `kid` (`router.3f9a…` → `router`); undefined for any other kid. */
export function dienstOfKid(kid: unknown): Dienst | undefined {
  if (typeof kid !== 'string') return undefined;
  const [dienst] = kid.split('.');
  return isDienst(dienst) && kid.length > dienst.length + 1 ? dienst : undefined;
}

/**
 * The service keys of the part `dienst` (or of every part, for the one-process stack) from the
 * environment; outside production, without settings, this machine's development keys.
 */
export function dienstSleutelsFromEnv(dienst: Dienst | 'alle', env: NodeJS.ProcessEnv = process.env): DienstSleutels {
  const jwksText = secretFromEnv(JWKS_SETTING, env);
  const sleutelText = secretFromEnv(SLEUTEL_SETTING, env);
  if (jwksText === undefined && sleutelText === undefined && !isProduction(env)) return devDienstSleutels(env);
  if (dienst === 'alle') throw new SettingError('DIENST_SLEUTEL', 'the one-process stack (npm start) uses development service keys only; in production run each part as its own process with its own DIENST_SLEUTEL');
  if (jwksText === undefined) throw new SettingError(JWKS_SETTING.name, `${JWKS_SETTING.name} (or ${JWKS_SETTING.name}_FILE) is required${isProduction(env) ? ' in production' : ' when DIENST_SLEUTEL is set'}: ${JWKS_SETTING.description}`);
  const jwks = parseJwks(jwksText);
  const prive: DienstSleutels['prive'] = {};
  if (sleutelText !== undefined) {
    prive[dienst] = parsePrivateKey(sleutelText, dienst);
  } else if (AANROEPERS.includes(dienst)) {
    throw new SettingError(SLEUTEL_SETTING.name, `${SLEUTEL_SETTING.name} (or ${SLEUTEL_SETTING.name}_FILE) is required${isProduction(env) ? ' in production' : ' when DIENSTEN_JWKS is set'} for the ${dienst}: ${SLEUTEL_SETTING.description}`);
  }
  const own = prive[dienst];
  if (own && !jwks.keys.some((key) => key.kid === own.kid)) {
    throw new SettingError(SLEUTEL_SETTING.name, `${SLEUTEL_SETTING.name} has kid "${String(own.kid)}", which ${JWKS_SETTING.name} does not list: add its public key there`);
  }
  return { jwks, prive };
}

function parseJwks(text: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingError(JWKS_SETTING.name, `${JWKS_SETTING.name} is not JSON`);
  }
  const result = z.object({ keys: z.array(PublicJwk).min(1) }).safeParse(parsed);
  if (!result.success) throw new SettingError(JWKS_SETTING.name, `${JWKS_SETTING.name} must be a JWKS of P-256 keys (${describe(result.error)})`);
  for (const key of result.data.keys) {
    if ('d' in key) throw new SettingError(JWKS_SETTING.name, `${JWKS_SETTING.name} holds a private key (kid "${key.kid}"); it must hold public keys only`);
    if (!dienstOfKid(key.kid)) throw new SettingError(JWKS_SETTING.name, `${JWKS_SETTING.name}: kid "${key.kid}" must start with the name of a part (${DIENSTEN.join(', ')}) and a dot`);
  }
  return { keys: result.data.keys.map((key) => ({ ...key, alg: DIENST_ALGORITME })) };
}

function parsePrivateKey(text: string, dienst: Dienst): JsonWebKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingError(SLEUTEL_SETTING.name, `${SLEUTEL_SETTING.name} is not JSON (a private JWK)`);
  }
  const result = PrivateJwk.safeParse(parsed);
  if (!result.success) throw new SettingError(SLEUTEL_SETTING.name, `${SLEUTEL_SETTING.name} must be a private P-256 JWK (${describe(result.error)})`);
  if (dienstOfKid(result.data.kid) !== dienst) {
    throw new SettingError(SLEUTEL_SETTING.name, `${SLEUTEL_SETTING.name} is the key of "${String(result.data.kid).split('.')[0]}", not of the ${dienst}`);
  }
  return result.data as JsonWebKey;
}

/** This machine's development key pairs for every part, made once in DEV_SLEUTELS_DIR. */
function devDienstSleutels(env: NodeJS.ProcessEnv): DienstSleutels {
  const prive = readOrCreateOnce(
    join(devKeysDir(env), DEV_FILE),
    () => `${JSON.stringify(newDienstSleutels().prive, null, 2)}\n`,
    (text) => {
      const parsed = z.record(z.string(), PrivateJwk).parse(JSON.parse(text));
      for (const dienst of AANROEPERS) if (dienstOfKid(parsed[dienst]?.kid) !== dienst) throw new Error(`no key for ${dienst}`);
      return parsed as Partial<Record<Dienst, JsonWebKey>>;
    },
  );
  return { jwks: publicKeySet(prive), prive };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
}
