/**
 * Keyed pseudonyms for people. Every adapter turns the BSN into the same pseudonym (HMAC-SHA256 with
 * the deployment's key), so a person known to gemeente and UWV joins into one `Kandidaat`, while the
 * pseudonym is useless outside the deployment. The key comes from configuration (PSEUDONIEM_SLEUTEL).
 */
import { createHmac } from 'node:crypto';
import { isProduction } from '../../kit/omgeving.js';
import { isValidBsn } from './bsn.js';

/** Used only when no key is configured: fine for the sandbox, refused in production. */
export const DEV_PSEUDONIEM_SLEUTEL = 'een-loket-sandbox-sleutel-niet-voor-productie';

export type Pseudonymize = (bsn: string) => string;

export function createPseudonymizer(key: string): Pseudonymize {
  if (key.length < 16) throw new Error('PSEUDONIEM_SLEUTEL must be at least 16 characters');
  return (bsn) => {
    if (!isValidBsn(bsn)) throw new Error('not a valid BSN (elfproef)');
    return 'kd_' + createHmac('sha256', key).update(bsn).digest('base64url').slice(0, 22);
  };
}

/** The pseudonymizer for this process, keyed from the environment. */
export function pseudonymizerFromEnv(env: NodeJS.ProcessEnv = process.env): Pseudonymize {
  const key = env.PSEUDONIEM_SLEUTEL;
  if (!key && isProduction(env)) {
    throw new Error('PSEUDONIEM_SLEUTEL is required in production');
  }
  return createPseudonymizer(key ?? DEV_PSEUDONIEM_SLEUTEL);
}
