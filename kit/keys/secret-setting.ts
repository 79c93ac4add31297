/**
 * The secrets of a deployment — the key that signs access decisions, the pseudonym key, the service
 * keys — read the same way everywhere: from the environment variable `NAME` or from the file named by
 * `NAME_FILE` (a mounted secret; one trailing newline is ignored), never both, at least `minLength`
 * characters, and never a key that was ever published in this project's source. In production a
 * missing secret is refused by its name; outside production a random key made once for this machine
 * (in `DEV_SLEUTELS_DIR`, see dev-secrets.ts) stands in, so no key is built into the code. Messages
 * name settings and files, never a value.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isProduction } from '../omgeving.js';
import { devSecret } from './dev-secrets.js';

export interface SecretSetting {
  /** Environment variable, e.g. `TOEGANG_SLEUTEL`; `<name>_FILE` is its file alternative. */
  name: string;
  /** What the secret does, for the message when it is missing. */
  description: string;
  /** Shortest acceptable value in characters; default 32. */
  minLength?: number;
}

/** A setting is missing or wrong; the message names the setting and what to do. */
export class SettingError extends Error {
  override readonly name = 'SettingError';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_MIN_SECRET_LENGTH = 32;

/**
 * SHA-256 of keys that stood in this project's source as development defaults (until December 2026).
 * They are public, so they are refused in every environment.
 */
const PUBLISHED_KEY_HASHES = new Set([
  'd305e52b373161daa5fd9e46cf19e330ee946792f43ec322feebe9ea92e5f36e',
  '71558747df1a39270b165ea294e7bbfc5918065086dc3e5aa817ce8bdeeec216',
]);

/** The secret from `NAME` or `NAME_FILE`, checked; undefined when neither is set. */
export function secretFromEnv(setting: SecretSetting, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { name } = setting;
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct && file) throw new SettingError(name, `${name} and ${name}_FILE are both set; set one of them`);
  let value: string;
  if (file) {
    try {
      value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new SettingError(name, `${name}_FILE names "${file}", which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  } else if (direct) {
    value = direct;
  } else {
    return undefined;
  }
  return checkSecret(setting, value, file ? `${name}_FILE` : name);
}

/**
 * The secret of `setting`: from the environment when set; otherwise refused in production (naming
 * the setting), and outside production this machine's development key of that name.
 */
export function requiredSecret(setting: SecretSetting, env: NodeJS.ProcessEnv = process.env): string {
  const value = secretFromEnv(setting, env);
  if (value !== undefined) return value;
  if (isProduction(env)) {
    throw new SettingError(setting.name, `${setting.name} (or ${setting.name}_FILE) is required in production: ${setting.description}`);
  }
  return devSecret(setting.name, env);
}

function checkSecret(setting: SecretSetting, value: string, source: string): string {
  const minLength = setting.minLength ?? DEFAULT_MIN_SECRET_LENGTH;
  if (value.trim() !== value) throw new SettingError(setting.name, `${source} starts or ends with white space; a secret must not`);
  if (value.length < minLength) throw new SettingError(setting.name, `${source} must be at least ${minLength} characters (got ${value.length})`);
  if (isPublishedKey(value)) {
    throw new SettingError(setting.name, `${source} is a key that was published in this project's source code; make a new one (for example: openssl rand -base64 48)`);
  }
  return value;
}

/** Whether `value` is one of the keys once published in the source. */
export function isPublishedKey(value: string): boolean {
  return PUBLISHED_KEY_HASHES.has(createHash('sha256').update(value).digest('hex'));
}
