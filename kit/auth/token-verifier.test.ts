/**
 * The token verifier with real keys and real signatures: who a valid token names, and for every way a
 * token can be wrong the reason and an actionable message that never repeats the token.
 */
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthConfig } from './auth-config.js';
import { createDevIssuer, devAuthConfig, DEV_ISSUER_ID, type DevTokenClaims } from './dev-issuer.js';
import { AuthenticationError, createTokenVerifier, KeysUnavailableError, verifierFromEnv, type AuthenticationFailure, type TokenVerifier } from './token-verifier.js';

const issuer = createDevIssuer({ inMemory: true });
const config = devAuthConfig(issuer);
const verifier = createTokenVerifier(config);
const ANALIST: DevTokenClaims = { rol: 'analist', regios: ['AM36'] };

async function failure(header: string | undefined, by: TokenVerifier = verifier): Promise<AuthenticationError> {
  const error = await by.verify(header).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

async function expectRefused(token: string, reason: AuthenticationFailure, message: RegExp, by: TokenVerifier = verifier): Promise<void> {
  const error = await failure(`Bearer ${token}`, by);
  expect({ reason: error.reason, message: error.message }).toEqual({ reason, message: expect.stringMatching(message) });
  expect(error.message).not.toContain(token);
}

describe('a valid token', () => {
  it('gives the actor of its claims', async () => {
    const token = await issuer.issue({ rol: 'klantmanager', organisatie: 'GM0363', regios: ['AM36', 'AM14'], sub: 'km-17' });
    expect(await verifier.verify(`Bearer ${token}`)).toEqual({ sub: 'km-17', rol: 'klantmanager', organisatie: 'GM0363', regios: ['AM36', 'AM14'], kvkNummer: undefined });
  });

  it('accepts the scheme in any case, and a token just inside the clock tolerance', async () => {
    expect((await verifier.verify(`bearer ${await issuer.issue(ANALIST, { expiresIn: -5 })}`)).rol).toBe('analist');
  });

  it('needs no kid when one of several keys in the key set fits', async () => {
    const other = await generateKeyPair('ES256');
    const jwks: JSONWebKeySet = { keys: [...config.keys.kind === 'local' ? config.keys.jwks.keys : [], { ...(await exportJWK(other.publicKey)), alg: 'ES256' }] };
    const token = await new SignJWT({ ...ANALIST }).setProtectedHeader({ alg: 'ES256' }).setIssuer(DEV_ISSUER_ID).setAudience(config.audience).setSubject('x').setExpirationTime('5m').sign(other.privateKey);
    expect((await createTokenVerifier({ ...config, keys: { kind: 'local', jwks } }).verify(`Bearer ${token}`)).sub).toBe('x');
  });
});

describe('the Authorization header', () => {
  it('missing or empty', async () => {
    for (const header of [undefined, '', '   ']) {
      const error = await failure(header);
      expect([error.reason, error.message]).toEqual(['missing', 'No access token: send the header "Authorization: Bearer <token>"']);
    }
  });

  it('another scheme, or a bare token', async () => {
    const token = await issuer.issue(ANALIST);
    expect((await failure('Basic dXNlcjpwYXNz')).message).toBe('Authorization header must be "Bearer <token>" (got scheme "Basic")');
    const bare = await failure(token);
    expect(bare.reason).toBe('malformed');
    expect(bare.message).not.toContain(token);
    expect((await failure('Bearer')).reason).toBe('malformed');
    expect((await failure(`Bearer ${token} ${token}`)).reason).toBe('malformed');
  });

  it('garbage instead of a JWT', async () => {
    await expectRefused('garbage', 'malformed', /not a signed JWT/);
    await expectRefused('abc.def.ghi', 'malformed', /^Access token is not a JWT: its header is not base64url-encoded JSON$/);
    await expectRefused('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d', 'malformed', /not a signed JWT/);
    const header = Buffer.from('{"typ":"JWT"}').toString('base64url');
    await expectRefused(`${header}.e30.c2ln`, 'malformed', /^Access token is not a valid JWT \(JWS "alg" \(Algorithm\) Header Parameter missing or invalid\)$/);
  });
});

describe('a token that is not valid', () => {
  it('expired', async () => {
    await expectRefused(await issuer.issue(ANALIST, { expiresIn: -120 }), 'expired', /^Token expired at \d{4}-\d\d-\d\dT[\d:.]+Z; get a new one$/);
  });

  it('not valid yet, or without exp', async () => {
    // Tokens the dev issuer's API cannot make, signed by a key the verifier trusts.
    const key = await issuerKey();
    const trusted = createTokenVerifier({ ...config, keys: { kind: 'local', jwks: { keys: [{ ...(await exportJWK(key.publicKey)), kid: 'k', alg: 'ES256' }] } } });
    const base = () => new SignJWT({ ...ANALIST }).setProtectedHeader({ alg: 'ES256', kid: 'k' }).setIssuer(DEV_ISSUER_ID).setAudience(config.audience).setSubject('x');
    await expectRefused(await base().setExpirationTime('2h').setNotBefore('1h').sign(key.privateKey), 'claims', /^Token claim "nbf": not valid before \d{4}-.*; check the clocks$/, trusted);
    await expectRefused(await base().sign(key.privateKey), 'claims', /^Token claim "exp" is required$/, trusted);
    expect((await trusted.verify(`Bearer ${await base().setExpirationTime('2h').sign(key.privateKey)}`)).sub).toBe('x');
  });

  it('signed by another key (forged), with another kid or the same kid', async () => {
    const forger = createDevIssuer({ inMemory: true });
    await expectRefused(await forger.issue(ANALIST), 'signature', /^Token is not signed by a current key of issuer "urn:een-loket:dev-issuer"/);
    const key = await issuerKey();
    const sameKid = await new SignJWT({ ...ANALIST }).setProtectedHeader({ alg: 'ES256', kid: issuer.kid }).setIssuer(DEV_ISSUER_ID).setAudience(config.audience).setSubject('x').setExpirationTime('1h').sign(key.privateKey);
    await expectRefused(sameKid, 'signature', /^Token signature is not valid for the keys of issuer "urn:een-loket:dev-issuer"$/);
    // A valid token with one character of its payload changed.
    const [h, p, s] = (await issuer.issue(ANALIST)).split('.');
    const middle = Math.floor(p!.length / 2);
    const tampered = `${p!.slice(0, middle)}${p![middle] === 'A' ? 'B' : 'A'}${p!.slice(middle + 1)}`;
    await expectRefused(`${h}.${tampered}.${s}`, 'signature', /^Token signature is not valid/);
  });

  it('for another audience', async () => {
    await expectRefused(await issuer.issue(ANALIST, { audience: 'andere-api' }), 'audience', /^Token audience must be "een-loket-graph"$/);
  });

  it('from another issuer', async () => {
    await expectRefused(await issuer.issue(ANALIST, { issuer: 'https://evil.example' }), 'issuer', /^Token issuer must be "urn:een-loket:dev-issuer"$/);
  });

  it('unsigned (alg: none)', async () => {
    const token = new UnsecuredJWT({ ...ANALIST, sub: 'x' }).setIssuer(DEV_ISSUER_ID).setAudience(config.audience).setExpirationTime('1h').encode();
    await expectRefused(token, 'algorithm', /^Token algorithm "none" is not accepted; use one of ES256$/);
  });

  it('HS256 with the public key as the shared secret', async () => {
    const publicJwk = config.keys.kind === 'local' ? config.keys.jwks.keys[0]! : undefined;
    const pem = createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    for (const secret of [Buffer.from(pem), Buffer.from(JSON.stringify(publicJwk))]) {
      const token = await new SignJWT({ ...ANALIST }).setProtectedHeader({ alg: 'HS256', kid: issuer.kid }).setIssuer(DEV_ISSUER_ID).setAudience(config.audience).setSubject('x').setExpirationTime('1h').sign(secret);
      await expectRefused(token, 'algorithm', /^Token algorithm "HS256" is not accepted/);
    }
  });
});

describe('claims the role needs', () => {
  const cases: [string, DevTokenClaims, RegExp][] = [
    ['unknown role', { rol: 'admin', regios: ['AM36'] }, /^Token claim "rol" must be one of klantmanager, accountmanager, werkgever, analist, beheerder$/],
    ['no role', { rol: undefined as unknown as string, regios: ['AM36'] }, /claim "rol" is required/],
    ['klantmanager without organisatie', { rol: 'klantmanager', regios: ['AM36'] }, /^Token claim "organisatie" is required for rol klantmanager$/],
    ['accountmanager without organisatie', { rol: 'accountmanager', regios: ['AM36'] }, /claim "organisatie" is required for rol accountmanager/],
    ['analist without regios', { rol: 'analist' }, /^Token claim "regios" is required for rol analist$/],
    ['a bad region code', { rol: 'analist', regios: ['AM36', 'Amsterdam'] }, /claim "regios" \(entry 1\) must be a region code such as AM36/],
    ['regios not a list', { rol: 'analist', regios: 'AM36' as unknown as string[] }, /claim "regios" must be a list/],
    ['werkgever without kvk', { rol: 'werkgever', regios: ['AM36'] }, /claim "kvk" is required for rol werkgever/],
    ['werkgever with a bad kvk', { rol: 'werkgever', regios: ['AM36'], kvk: '1234' }, /claim "kvk" must be a KvK number of 8 digits/],
    ['an empty subject', { rol: 'beheerder', sub: '' }, /claim "sub" must not be empty/],
  ];
  for (const [name, claims, message] of cases) {
    it(name, async () => expectRefused(await issuer.issue(claims), 'claims', message));
  }

  it('each role with what it needs', async () => {
    const valid: DevTokenClaims[] = [
      { rol: 'klantmanager', organisatie: 'GM0363', regios: ['AM36'] },
      { rol: 'accountmanager', organisatie: 'wsp-am36', regios: ['AM36'] },
      { rol: 'werkgever', regios: ['AM36'], kvk: '12345678' },
      { rol: 'analist', regios: ['AM36'] },
      { rol: 'beheerder' },
    ];
    const actors = await Promise.all(valid.map(async (claims) => verifier.verify(`Bearer ${await issuer.issue(claims)}`)));
    expect(actors.map((a) => [a.rol, a.sub, a.organisatie])).toEqual([
      ['klantmanager', 'dev-klantmanager-GM0363', 'GM0363'],
      ['accountmanager', 'dev-accountmanager-wsp-am36', 'wsp-am36'],
      ['werkgever', 'dev-werkgever-12345678', '12345678'],
      ['analist', 'dev-analist-AM36', undefined],
      ['beheerder', 'dev-beheerder', undefined],
    ]);
  });
});

describe('keys from a JWKS URL', () => {
  let server: Server;
  let status = 200;
  let remote: AuthConfig;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(config.keys.kind === 'local' ? config.keys.jwks : {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    remote = { ...config, keys: { kind: 'jwks-url', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks` } };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies with the fetched keys', async () => {
    expect((await createTokenVerifier(remote).verify(`Bearer ${await issuer.issue(ANALIST)}`)).rol).toBe('analist');
  });

  it('a failing key server is KeysUnavailableError, not the client\'s fault', async () => {
    status = 500;
    const error = await createTokenVerifier(remote).verify(`Bearer ${await issuer.issue(ANALIST)}`).catch((e: unknown) => e);
    status = 200;
    expect(error).toBeInstanceOf(KeysUnavailableError);
    expect((error as Error).message).toMatch(/^The token keys of issuer "urn:een-loket:dev-issuer" could not be fetched/);
  });
});

/** A fresh key pair (standing in for someone who knows the kid but not the dev issuer's private key). */
function issuerKey() {
  return generateKeyPair('ES256');
}

describe('verifierFromEnv', () => {
  it('is one verifier per process, configured from the environment (here: the dev issuer)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verifier-env-'));
    vi.stubEnv('DEV_SLEUTELS_DIR', dir);
    vi.stubEnv('AUTH_JWKS_URL', '');
    try {
      const first = verifierFromEnv();
      expect(verifierFromEnv()).toBe(first);
      const token = await createDevIssuer({ dir }).issue(ANALIST);
      expect((await first.verify(`Bearer ${token}`)).rol).toBe('analist');
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
