/**
 * `npm run token` as a user runs it (a child process through tsx): only the token on stdout, one the
 * dev configuration accepts; wrong input named on stderr with exit code 2 and no token; refused in
 * production.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuthConfig } from './auth-config.js';
import { createTokenVerifier } from './token-verifier.js';

const dir = mkdtempSync(join(tmpdir(), 'token-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLI = new URL('./token-cli.ts', import.meta.url).pathname;

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DEV_SLEUTELS_DIR: dir, ...env };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { env: childEnv }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('npm run token', () => {
  it('prints only a token, which the dev configuration verifies', async () => {
    const [analist, werkgever] = await Promise.all([
      run(['--rol', 'analist', '--regio', 'AM36', '--regio', 'AM14']),
      run(['--rol', 'werkgever', '--regio', 'AM36', '--kvk', '12345678', '--sub', 'jan@bakkerij.nl', '--geldig', '15']),
    ]);
    const verifier = createTokenVerifier(loadAuthConfig({ DEV_SLEUTELS_DIR: dir }));
    expect(analist).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+\n$/) });
    expect(await verifier.verify(`Bearer ${analist.stdout.trim()}`)).toEqual({ sub: 'dev-analist-AM36-AM14', rol: 'analist', regios: ['AM36', 'AM14'], organisatie: undefined, kvkNummer: undefined });
    expect(await verifier.verify(`Bearer ${werkgever.stdout.trim()}`)).toMatchObject({ sub: 'jan@bakkerij.nl', rol: 'werkgever', organisatie: '12345678', kvkNummer: '12345678' });
    const { exp, iat } = JSON.parse(Buffer.from(werkgever.stdout.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(exp - iat).toBe(15 * 60);
  });

  it('gives every role and organisation its own subject, so their tokens are different actors', async () => {
    const tokens = await Promise.all([
      run(['--rol', 'klantmanager', '--organisatie', 'GM0193', '--regio', 'AM36']),
      run(['--rol', 'klantmanager', '--organisatie', 'GM0363', '--regio', 'AM36']),
      run(['--rol', 'accountmanager', '--organisatie', 'GM0193', '--regio', 'AM36']),
      run(['--rol', 'werkgever', '--kvk', '12345678', '--regio', 'AM36']),
      run(['--rol', 'beheerder']),
    ]);
    const subjects = tokens.map((t) => (JSON.parse(Buffer.from(t.stdout.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub);
    expect(subjects).toEqual(['dev-klantmanager-GM0193', 'dev-klantmanager-GM0363', 'dev-accountmanager-GM0193', 'dev-werkgever-12345678', 'dev-beheerder']);
  });

  it('bad input: exit code 2, the problem on stderr, no token', async () => {
    const cases: [string[], RegExp][] = [
      [['--rol', 'admin', '--regio', 'AM36'], /^token: --rol must be one of klantmanager, accountmanager, werkgever, analist, beheerder\n/],
      [['--regio', 'AM36'], /^token: --rol is required/],
      [['--rol', 'analist'], /^token: --regio is required for rol analist\n/],
      [['--rol', 'klantmanager', '--regio', 'AM36'], /^token: --organisatie is required for rol klantmanager\n/],
      [['--rol', 'werkgever', '--regio', 'AM36', '--kvk', '123'], /^token: --kvk must be a KvK number of 8 digits\n/],
      [['--rol', 'analist', '--regio', 'Amsterdam'], /^token: --regio "Amsterdam" must be a region code such as AM36\n/],
      [['--rol', 'analist', '--regio', 'AM36', '--geldig', 'lang'], /^token: --geldig must be a whole number of minutes/],
      [['--rol', 'analist', '--regoi', 'AM36'], /^token: Unknown option '--regoi'/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((result, i) => {
      expect({ args: cases[i]![0], code: result.code, stdout: result.stdout }).toEqual({ args: cases[i]![0], code: 2, stdout: '' });
      expect(result.stderr).toMatch(cases[i]![1]);
      expect(result.stderr).toContain('usage: npm run -s token --');
    });
  });

  it('refuses in production', async () => {
    const result = await run(['--rol', 'analist', '--regio', 'AM36'], { EEN_LOKET_OMGEVING: 'productie' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^token: refused in production/) });
  });
});
