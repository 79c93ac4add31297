/**
 * `npm run dienstsleutels`: the keys it writes are what production accepts, it never overwrites a
 * private key, and a rotation adds a part's new key next to its old one.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from './service-keys-cli.js';
import { dienstSleutelsFromEnv } from './service-keys.js';
import { dienstTokenMinter, dienstTokenVerifier } from './service-token.js';

const dir = mkdtempSync(join(tmpdir(), 'dienstsleutels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: main(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('npm run dienstsleutels', () => {
  it('writes a private key per calling part and one public key set that production accepts', async () => {
    const result = run(['--map', dir]);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/"d"/);
    expect(statSync(join(dir, 'router.jwk.json')).mode & 0o077).toBe(0);
    const production = (dienst: 'router' | 'uwv', withKey = true) =>
      dienstSleutelsFromEnv(dienst, { EEN_LOKET_OMGEVING: 'productie', DIENSTEN_JWKS_FILE: join(dir, 'diensten.jwks.json'), ...(withKey && { DIENST_SLEUTEL_FILE: join(dir, `${dienst}.jwk.json`) }) });
    const token = await dienstTokenMinter(production('router'), 'router').mint('uwv', null);
    expect(await dienstTokenVerifier(production('uwv'), 'uwv').verify(token, undefined)).toEqual({ van: 'router', verzoek: null });
  });

  it('never overwrites a private key; a rotation adds the new public key next to the old one', () => {
    expect(run(['--map', dir, '--dienst', 'router'])).toMatchObject({ code: 1, err: expect.stringMatching(/router\.jwk\.json exists; move it away first/) });
    rmSync(join(dir, 'router.jwk.json'));
    expect(run(['--map', dir, '--dienst', 'router']).code).toBe(0);
    const kids = (JSON.parse(readFileSync(join(dir, 'diensten.jwks.json'), 'utf8')) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(kids.filter((kid) => kid.startsWith('router.'))).toHaveLength(2);
    expect(run(['--map', dir, '--dienst', 'logboek'])).toMatchObject({ code: 2, err: expect.stringMatching(/not a part that calls others/) });
  });
});
