import { describe, expect, it } from 'vitest';
import { listenOptionsFromEnv, wholeNumberFromEnv } from './subgraphs.js';

describe('listen options from the environment', () => {
  it('uses the default port and loopback when nothing is set', () => {
    expect(listenOptionsFromEnv(4003, {})).toEqual({ port: 4003, host: '127.0.0.1' });
  });

  it('takes PORT and HOST', () => {
    expect(listenOptionsFromEnv(4003, { PORT: '5003', HOST: '0.0.0.0' })).toEqual({ port: 5003, host: '0.0.0.0' });
  });

  it.each(['abc', '-1', '70000', '4.5'])('refuses PORT=%s naming the variable', (value) => {
    expect(() => listenOptionsFromEnv(4003, { PORT: value })).toThrow(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  });

  it('refuses a bad interval by name', () => {
    expect(() => wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400, { SYNC_INTERVAL_SECONDS: 'often' })).toThrow(/SYNC_INTERVAL_SECONDS/);
  });
});
