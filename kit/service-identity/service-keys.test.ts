/**
 * Service keys from the environment: production needs the public key set of every part and, for a
 * part that calls others, its own private key; each refusal names the setting. Outside production
 * every part uses this machine's development keys.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dienstSleutelsFromEnv, newDienstSleutels } from './service-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'dienst-sleutels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleutels = newDienstSleutels();
const PRODUCTIE = { EEN_LOKET_OMGEVING: 'productie' };
const JWKS = JSON.stringify(sleutels.jwks);

describe('service keys from the environment', () => {
  it('in production: the key set and, for a calling part, its own private key', () => {
    const file = join(dir, 'router.json');
    writeFileSync(file, JSON.stringify(sleutels.prive.router));
    const router = dienstSleutelsFromEnv('router', { ...PRODUCTIE, DIENSTEN_JWKS: JWKS, DIENST_SLEUTEL_FILE: file });
    expect(Object.keys(router.prive)).toEqual(['router']);
    expect(router.jwks.keys).toHaveLength(sleutels.jwks.keys.length);
    expect(dienstSleutelsFromEnv('logboek', { ...PRODUCTIE, DIENSTEN_JWKS: JWKS }).prive).toEqual({});
  });

  it('names what is missing or wrong', () => {
    const cases: [Parameters<typeof dienstSleutelsFromEnv>[0], NodeJS.ProcessEnv, RegExp][] = [
      ['uwv', PRODUCTIE, /^DIENSTEN_JWKS \(or DIENSTEN_JWKS_FILE\) is required in production/],
      ['router', { ...PRODUCTIE, DIENSTEN_JWKS: JWKS }, /^DIENST_SLEUTEL \(or DIENST_SLEUTEL_FILE\) is required in production for the router/],
      ['uwv', { ...PRODUCTIE, DIENSTEN_JWKS: JWKS, DIENST_SLEUTEL: JSON.stringify(sleutels.prive.router) }, /DIENST_SLEUTEL is the key of "router", not of the uwv/],
      ['uwv', { ...PRODUCTIE, DIENSTEN_JWKS: JSON.stringify({ keys: [sleutels.prive.uwv] }), DIENST_SLEUTEL: JSON.stringify(sleutels.prive.uwv) }, /holds a private key/],
      ['uwv', { ...PRODUCTIE, DIENSTEN_JWKS: JSON.stringify(newDienstSleutels().jwks), DIENST_SLEUTEL: JSON.stringify(sleutels.prive.uwv) }, /kid ".*", which DIENSTEN_JWKS does not list/],
      ['uwv', { ...PRODUCTIE, DIENSTEN_JWKS: '{"keys": [{"kty": "oct", "k": "abc"}]}' }, /must be a JWKS of P-256 keys/],
      ['alle', PRODUCTIE, /one-process stack \(npm start\) uses development service keys only/],
    ];
    for (const [dienst, env, message] of cases) expect(() => dienstSleutelsFromEnv(dienst, env), String(message)).toThrow(message);
  });

  it('outside production: the same development keys for every part started from one folder', () => {
    const env = { DEV_SLEUTELS_DIR: join(dir, 'dev') };
    const router = dienstSleutelsFromEnv('router', env);
    const uwv = dienstSleutelsFromEnv('uwv', env);
    expect(uwv.jwks).toEqual(router.jwks);
    expect(router.prive.router).toEqual(uwv.prive.router);
    expect(router.jwks.keys.map((k) => String(k.kid).split('.')[0]).sort()).toEqual(['gemeente', 'loket', 'onderwijs', 'router', 'sw-bedrijf', 'uwv', 'werkgeversvereniging']);
  });
});
