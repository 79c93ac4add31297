/**
 * Finding 1 of the trust issue, at start-up: production (`EEN_LOKET_OMGEVING=productie`) refused a
 * missing TOEGANG_SLEUTEL but accepted the constant published in the source. Now every process — the
 * gateway, each subgraph, the logboek, and `npm start` — refuses to start without its keys or with a
 * key once published, names every setting that is missing or wrong, and starts once they are right.
 * Each process is started for real, as an operator would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomSecret } from '../../kit/keys/dev-secrets.js';
import { newDienstSleutels } from '../../kit/service-identity/service-keys.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'productie-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleutels = newDienstSleutels();
writeFileSync(join(dir, 'diensten.jwks.json'), JSON.stringify(sleutels.jwks));
writeFileSync(join(dir, 'uwv.jwk.json'), JSON.stringify(sleutels.prive.uwv));

/** Production with an identity provider, and nothing else; no development keys to fall back on. */
const PRODUCTIE: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  EEN_LOKET_OMGEVING: 'productie',
  AUTH_JWKS_URL: 'https://login.example.nl/jwks',
  AUTH_ISSUER: 'https://login.example.nl',
  PORT: '0',
  DEV_SLEUTELS_DIR: join(dir, 'dev'),
  LOGBOEK_DATA_DIR: 'memory://',
  LOKET_DATA_DIR: 'memory://',
  UWV_BRON_URL: 'http://127.0.0.1:9',
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `entry` with `env`; resolves when it exits, or (`until`) when its output matches and it is stopped. */
function start(entry: string, env: NodeJS.ProcessEnv, until?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the starts two at a time: each loads a whole part, and the machine has two cores. */
async function inPairs<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 2) await Promise.all(items.slice(i, i + 2).map(run));
}

const MISSING = {
  toegang: /TOEGANG_SLEUTEL \(or TOEGANG_SLEUTEL_FILE\) is required in production/,
  pseudoniem: /PSEUDONIEM_SLEUTEL \(or PSEUDONIEM_SLEUTEL_FILE\) is required in production/,
  diensten: /DIENSTEN_JWKS \(or DIENSTEN_JWKS_FILE\) is required in production/,
};

describe('production start-up', () => {
  it('every process refuses to start without its keys and names each missing setting', async () => {
    const parts: [string, RegExp[], RegExp[]][] = [
      ['gateway/server.ts', [MISSING.diensten], [MISSING.toegang, MISSING.pseudoniem]],
      ['subgraphs/loket/server.ts', [MISSING.toegang, MISSING.pseudoniem, MISSING.diensten], []],
      ['subgraphs/gemeente/server.ts', [MISSING.toegang, MISSING.pseudoniem, MISSING.diensten], []],
      ['subgraphs/uwv/server.ts', [MISSING.toegang, MISSING.pseudoniem, MISSING.diensten], []],
      ['subgraphs/sw-bedrijf/server.ts', [MISSING.toegang, MISSING.pseudoniem, MISSING.diensten], []],
      ['subgraphs/onderwijs/server.ts', [MISSING.toegang, MISSING.pseudoniem, MISSING.diensten], []],
      // Associations hold no people, the logboek makes no decisions: neither gets those keys.
      ['subgraphs/werkgeversvereniging/server.ts', [MISSING.toegang, MISSING.diensten], [MISSING.pseudoniem]],
      ['subgraphs/logboek/server.ts', [MISSING.diensten], [MISSING.toegang, MISSING.pseudoniem]],
      ['sandbox/start.ts', [/npm start runs the graph on simulated partners with development keys and is not for production/], []],
    ];
    await inPairs(parts, async ([entry, named, notNamed]) => {
      const run = await start(entry, PRODUCTIE);
      expect(run.code, `${entry}: ${run.stderr}`).toBe(1);
      for (const message of named) expect(run.stderr, entry).toMatch(message);
      for (const message of notNamed) expect(run.stderr, entry).not.toMatch(message);
      expect(run.stderr, entry).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(run.stdout, entry).not.toMatch(/ at http:/); // never listened
    });
  });

  it('refuses the keys once published in the source, also when configured deliberately', async () => {
    const run = await start('subgraphs/loket/server.ts', {
      ...PRODUCTIE,
      TOEGANG_SLEUTEL: 'een-loket-sandbox-toegangssleutel-niet-voor-productie',
      PSEUDONIEM_SLEUTEL: 'een-loket-sandbox-sleutel-niet-voor-productie',
      DIENSTEN_JWKS_FILE: join(dir, 'diensten.jwks.json'),
      DIENST_SLEUTEL_FILE: join(dir, 'uwv.jwk.json'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/TOEGANG_SLEUTEL is a key that was published in this project's source code/);
    expect(run.stderr).toMatch(/PSEUDONIEM_SLEUTEL is a key that was published in this project's source code/);
    expect(run.stderr).toMatch(/DIENST_SLEUTEL is the key of "uwv", not of the loket/);
    expect(run.stderr).not.toContain('een-loket-sandbox');
  });

  it('starts once every key is set, from files as mounted secrets', async () => {
    const toegang = join(dir, 'toegang');
    writeFileSync(toegang, `${randomSecret()}\n`);
    const run = await start(
      'subgraphs/uwv/server.ts',
      { ...PRODUCTIE, TOEGANG_SLEUTEL_FILE: toegang, PSEUDONIEM_SLEUTEL: randomSecret(), DIENSTEN_JWKS_FILE: join(dir, 'diensten.jwks.json'), DIENST_SLEUTEL_FILE: join(dir, 'uwv.jwk.json') },
      /uwv subgraph at http:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(run.stdout).toMatch(/uwv subgraph at http:\/\/127\.0\.0\.1:\d+\//);
  });
});
