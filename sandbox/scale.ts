/**
 * Reads the sandbox's world settings from the environment: SANDBOX_SCALE (`demo`, `national`, or a
 * number of candidates, other counts scaled along), SANDBOX_SEED and SANDBOX_MALFORMED_RATE. Bad
 * values are refused with a message naming the variable.
 */
import { wholeNumberFromEnv } from '../schema/subgraphs.js';
import { DEFAULT_WORLD_OPTIONS, DEMO_SCALE, NATIONAL_SCALE } from './generator/world.js';
import type { WorldOptions } from './generator/world-types.js';

export function worldOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorldOptions {
  return {
    ...scale(env.SANDBOX_SCALE),
    seed: wholeNumberFromEnv('SANDBOX_SEED', DEFAULT_WORLD_OPTIONS.seed, 0xffffffff, env),
    malformedRate: rate(env.SANDBOX_MALFORMED_RATE),
  };
}

function scale(value: string | undefined): Pick<WorldOptions, 'kandidaten' | 'vacatures' | 'werkgevers'> {
  if (value === undefined || value === '' || value === 'demo') return { ...DEMO_SCALE };
  if (value === 'national') return { ...NATIONAL_SCALE };
  const kandidaten = /^\d+$/.test(value) ? Number(value) : 0;
  if (kandidaten < 100) throw new Error(`SANDBOX_SCALE must be "demo", "national" or a number of candidates of at least 100, got "${value}"`);
  const factor = kandidaten / DEMO_SCALE.kandidaten;
  return { kandidaten, vacatures: Math.max(50, Math.round(DEMO_SCALE.vacatures * factor)), werkgevers: Math.max(50, Math.round(DEMO_SCALE.werkgevers * factor)) };
}

function rate(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_WORLD_OPTIONS.malformedRate;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`SANDBOX_MALFORMED_RATE must be a number from 0 to 1, got "${value}"`);
  return n;
}
