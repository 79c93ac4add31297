/**
 * Development keys: outside production, a secret that is not configured is a random key made once
 * for this machine and kept in `DEV_SLEUTELS_DIR` (default `.data/dev-sleutels`), so the gateway, the
 * subgraphs and `npm run token` started separately from the same folder agree on it — and no key is
 * ever a constant in the source. Production never reads this folder (see secret-setting.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateOnce } from './create-once.js';

export const DEFAULT_DEV_SLEUTELS_DIR = '.data/dev-sleutels';

/** Where development keys are kept: `DEV_SLEUTELS_DIR`, relative to the working directory. */
export function devKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DEV_SLEUTELS_DIR || DEFAULT_DEV_SLEUTELS_DIR;
}

/** This machine's development value of the secret `name` (48 random bytes, base64url). */
export function devSecret(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return readOrCreateOnce(
    join(devKeysDir(env), name.toLowerCase()),
    () => `${randomSecret()}\n`,
    (text) => {
      const value = text.trim();
      if (!/^[A-Za-z0-9_-]{64}$/.test(value)) throw new Error('not a development key');
      return value;
    },
  );
}

/** A new random secret: 48 bytes as 64 base64url characters. */
export function randomSecret(): string {
  return randomBytes(48).toString('base64url');
}
