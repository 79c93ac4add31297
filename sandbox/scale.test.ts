import { describe, expect, it } from 'vitest';
import { DEMO_SCALE, NATIONAL_SCALE } from './generator/world.js';
import { worldOptionsFromEnv } from './scale.js';

describe('sandbox world settings', () => {
  it('defaults to demo scale without malformed records', () => {
    expect(worldOptionsFromEnv({})).toMatchObject({ ...DEMO_SCALE, malformedRate: 0 });
  });

  it('knows national scale and scales other counts along with a number of candidates', () => {
    expect(worldOptionsFromEnv({ SANDBOX_SCALE: 'national' })).toMatchObject(NATIONAL_SCALE);
    expect(worldOptionsFromEnv({ SANDBOX_SCALE: '40000' })).toMatchObject({ kandidaten: 40_000, vacatures: 16_000, werkgevers: 12_000 });
  });

  it.each([
    [{ SANDBOX_SCALE: 'huge' }, /SANDBOX_SCALE/],
    [{ SANDBOX_SCALE: '10' }, /at least 100/],
    [{ SANDBOX_SEED: 'x1' }, /SANDBOX_SEED must be a whole number/],
    [{ SANDBOX_MALFORMED_RATE: '2' }, /SANDBOX_MALFORMED_RATE must be a number from 0 to 1/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => worldOptionsFromEnv(env)).toThrow(message);
  });
});
