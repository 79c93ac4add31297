/**
 * The dev issuer's key: made once, kept on disk and reused, and made exactly once when several
 * processes start at the same moment.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDevIssuer, devAuthConfig } from './dev-issuer.js';
import { createTokenVerifier } from './token-verifier.js';

const root = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dev issuer', () => {
  it('keeps its key on disk: a second instance reuses it and verifies the first one\'s tokens', async () => {
    const dir = join(root, 'reuse', 'nested');
    const first = createDevIssuer({ dir });
    const second = createDevIssuer({ dir });
    expect(second.kid).toBe(first.kid);
    expect(second.jwks).toEqual(first.jwks);
    expect(first.jwks.keys).toEqual([{ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: first.kid, alg: 'ES256', use: 'sig' }]);
    expect(first.jwks.keys[0]).not.toHaveProperty('d');
    const actor = await createTokenVerifier(devAuthConfig(second)).verify(`Bearer ${await first.issue({ rol: 'beheerder' })}`);
    expect(actor).toMatchObject({ sub: 'dev-beheerder', rol: 'beheerder' });
    expect(readdirSync(dir).sort()).toEqual(['dev-issuer.json', 'dev-issuer.jwks.json']);
    expect(statSync(join(dir, 'dev-issuer.json')).mode & 0o077).toBe(0);
  });

  it('in memory: a new key each time', () => {
    expect(createDevIssuer({ inMemory: true }).kid).not.toBe(createDevIssuer({ inMemory: true }).kid);
  });

  it('issues 8-hour tokens by default', async () => {
    const token = await createDevIssuer({ inMemory: true }).issue({ rol: 'analist', regios: ['AM36'] });
    const { iat, exp, aud, iss } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect([(exp as number) - (iat as number), aud, iss]).toEqual([8 * 3600, 'een-loket-graph', 'urn:een-loket:dev-issuer']);
  });

  it('processes creating the key at the same moment all end up with one key', async () => {
    const dir = join(root, 'race');
    // Each child loads the module, says "ready", and creates the key when the parent says "go" to all.
    const script = `import { createDevIssuer } from ${JSON.stringify(new URL('./dev-issuer.ts', import.meta.url).pathname)};
      process.stdout.write('ready\\n');
      process.stdin.once('data', () => { process.stdout.write(createDevIssuer({ dir: ${JSON.stringify(dir)} }).kid); process.exit(0); });`;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const outputs = children.map((child) => {
      let out = '';
      const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), out.startsWith('ready\n') && resolve())));
      const done = new Promise<string>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(out.slice('ready\n'.length)) : reject(new Error(`exit ${code}`))));
      });
      return { ready, done };
    });
    await Promise.all(outputs.map((o) => o.ready));
    for (const child of children) child.stdin.write('go\n');
    const kids = await Promise.all(outputs.map((o) => o.done));
    expect(new Set(kids).size).toBe(1);
    expect(kids[0]).toMatch(/^dev-/);
    expect(kids[0]).toBe(createDevIssuer({ dir }).kid);
    expect(readdirSync(dir).sort()).toEqual(['dev-issuer.json', 'dev-issuer.jwks.json']); // no temporary files left
  });

  it('refuses a damaged key file by name', () => {
    const dir = join(root, 'damaged');
    createDevIssuer({ dir });
    writeFileSync(join(dir, 'dev-issuer.json'), '{"kid":"x"}');
    expect(() => createDevIssuer({ dir })).toThrow(/dev-issuer\.json is damaged \(not an ES256 private key\); delete it to make a new one$/);
  });
});
