/**
 * The auth configuration from the environment: the dev issuer outside production, an identity
 * provider's JWKS otherwise, and production refusing to start without one (or with the dev issuer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuthConfig, parseAlgorithms } from './auth-config.js';
import { createDevIssuer, DEV_ISSUER_ID } from './dev-issuer.js';
import { omgevingFromEnv } from '../omgeving.js';

const dir = mkdtempSync(join(tmpdir(), 'auth-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROVIDER = { AUTH_JWKS_URL: 'https://login.example.nl/jwks', AUTH_ISSUER: 'https://login.example.nl' };

describe('loadAuthConfig outside production', () => {
  it('uses the local dev issuer when AUTH_JWKS_URL is unset', () => {
    const config = loadAuthConfig({ DEV_SLEUTELS_DIR: dir });
    expect(config).toMatchObject({ issuer: DEV_ISSUER_ID, audience: 'een-loket-graph', algorithms: ['ES256'], keys: { kind: 'local' } });
    expect(config.keys.kind === 'local' && config.keys.jwks.keys[0]?.kid).toBe(createDevIssuer({ dir }).kid);
  });

  it('reads audience, issuer, JWKS URL and algorithms', () => {
    const config = loadAuthConfig({ ...PROVIDER, EEN_LOKET_OMGEVING: 'test', AUTH_AUDIENCE: 'andere-graph', AUTH_ALGORITHMS: 'RS256, PS256' });
    expect(config).toEqual({ issuer: PROVIDER.AUTH_ISSUER, audience: 'andere-graph', algorithms: ['RS256', 'PS256'], keys: { kind: 'jwks-url', url: PROVIDER.AUTH_JWKS_URL } });
  });

  it('uses the dev issuer when AUTH_DEV_ISSUER=1, even with AUTH_JWKS_URL', () => {
    expect(loadAuthConfig({ AUTH_JWKS_URL: PROVIDER.AUTH_JWKS_URL, AUTH_DEV_ISSUER: '1', DEV_SLEUTELS_DIR: dir }).issuer).toBe(DEV_ISSUER_ID);
  });

  it('refuses half a configuration, naming the missing variable', () => {
    expect(() => loadAuthConfig({ AUTH_JWKS_URL: PROVIDER.AUTH_JWKS_URL })).toThrow(/AUTH_ISSUER is required/);
    expect(() => loadAuthConfig({ AUTH_ISSUER: PROVIDER.AUTH_ISSUER, DEV_SLEUTELS_DIR: dir })).toThrow(/AUTH_JWKS_URL is not set/);
    expect(() => loadAuthConfig({ AUTH_JWKS_URL: 'not a url', AUTH_ISSUER: 'x' })).toThrow(/AUTH_JWKS_URL must be a URL/);
  });
});

describe('loadAuthConfig in production', () => {
  for (const production of [{ EEN_LOKET_OMGEVING: 'productie' }, { NODE_ENV: 'production' }]) {
    const label = Object.entries(production)[0]!.join('=');
    it(`${label}: accepts an identity provider's JWKS`, () => {
      expect(loadAuthConfig({ ...production, ...PROVIDER }).keys).toEqual({ kind: 'jwks-url', url: PROVIDER.AUTH_JWKS_URL });
    });
    it(`${label}: refuses a missing AUTH_JWKS_URL or AUTH_ISSUER, the dev issuer and AUTH_DEV_ISSUER=1`, () => {
      expect(() => loadAuthConfig({ ...production, DEV_SLEUTELS_DIR: dir })).toThrow(/^AUTH_JWKS_URL is required in production/);
      expect(() => loadAuthConfig({ ...production, AUTH_JWKS_URL: PROVIDER.AUTH_JWKS_URL })).toThrow(/^AUTH_ISSUER is required in production/);
      expect(() => loadAuthConfig({ ...production, AUTH_JWKS_URL: PROVIDER.AUTH_JWKS_URL, AUTH_ISSUER: DEV_ISSUER_ID })).toThrow(/^AUTH_ISSUER must not be the dev issuer/);
      expect(() => loadAuthConfig({ ...production, ...PROVIDER, AUTH_DEV_ISSUER: '1' })).toThrow(/^AUTH_DEV_ISSUER is refused in production/);
      expect(() => loadAuthConfig({ ...production, ...PROVIDER, AUTH_JWKS_URL: 'http://login.example.nl/jwks' })).toThrow(/AUTH_JWKS_URL must use https in production/);
    });
    it(`${label}: the dev issuer itself refuses`, () => {
      expect(() => createDevIssuer({ inMemory: true }, production)).toThrow(/refused in production/);
    });
  }

  it('NODE_ENV=production wins over EEN_LOKET_OMGEVING; an unknown EEN_LOKET_OMGEVING is refused', () => {
    expect(omgevingFromEnv({ NODE_ENV: 'production', EEN_LOKET_OMGEVING: 'ontwikkeling' })).toBe('productie');
    expect(() => omgevingFromEnv({ EEN_LOKET_OMGEVING: 'prod' })).toThrow(/^EEN_LOKET_OMGEVING must be one of productie, test, ontwikkeling/);
  });
});

describe('AUTH_ALGORITHMS', () => {
  it('defaults to ES256,RS256', () => expect(parseAlgorithms(undefined)).toEqual(['ES256', 'RS256']));
  it('refuses none, HMAC and unknown algorithms by name', () => {
    expect(() => parseAlgorithms('ES256,none')).toThrow(/AUTH_ALGORITHMS must not contain "none"/);
    expect(() => parseAlgorithms('HS256')).toThrow(/AUTH_ALGORITHMS must not contain "HS256"/);
    expect(() => parseAlgorithms('hs512')).toThrow(/"hs512"/);
    expect(() => parseAlgorithms('ES256K')).toThrow(/unknown algorithm "ES256K"/);
  });
});
