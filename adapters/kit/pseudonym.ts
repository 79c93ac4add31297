/**
 * Keyed pseudonyms for people. Every adapter turns the BSN into the same pseudonym (HMAC-SHA256 with
 * the deployment's key), so a person known to gemeente and UWV joins into one `Kandidaat`, while the
 * pseudonym is useless outside the deployment. The key comes from configuration: PSEUDONIEM_SLEUTEL
 * or PSEUDONIEM_SLEUTEL_FILE, required in production; outside production this machine's development
 * key (kit/keys). No key is built into the code.
 */
import { createHmac } from 'node:crypto';
import { requiredSecret } from '../../kit/keys/secret-setting.js';
import { isValidBsn } from './bsn.js';

export type Pseudonymize = (bsn: string) => string;

export const PSEUDONIEM_SLEUTEL = {
  name: 'PSEUDONIEM_SLEUTEL',
  description: 'HMAC key (at least 32 characters) that turns BSNs into pseudonyms; the same for every adapter of a deployment, never outside them',
};

/** What every pseudonym looks like: `kd_` and 22 base64url characters. Anything else is not one. */
export const PSEUDONIEM = /^kd_[A-Za-z0-9_-]{22}$/;

export function createPseudonymizer(key: string): Pseudonymize {
  if (key.length < 32) throw new Error('PSEUDONIEM_SLEUTEL must be at least 32 characters');
  return (bsn) => {
    if (!isValidBsn(bsn)) throw new Error('not a valid BSN (elfproef)');
    return 'kd_' + createHmac('sha256', key).update(bsn).digest('base64url').slice(0, 22);
  };
}

/** PSEUDONIEM_SLEUTEL of this process (refused by name when missing in production). */
export function pseudoniemSleutelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return requiredSecret(PSEUDONIEM_SLEUTEL, env);
}

/** The pseudonymizer for this process, keyed from the environment. */
export function pseudonymizerFromEnv(env: NodeJS.ProcessEnv = process.env): Pseudonymize {
  return createPseudonymizer(pseudoniemSleutelFromEnv(env));
}
