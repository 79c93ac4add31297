/**
 * What an operator and a process supervisor need, as the hardening issue found them missing: `/health`
 * and `/ready` on the gateway and every subgraph (they answered with the CSRF 400), a graceful stop
 * that lets requests in flight finish, and `npm start` that stops everything when its npm process gets
 * SIGTERM (it used to leave the stack serving).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/server.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 33, kandidaten: 300, vacatures: 100, werkgevers: 100, malformedRate: 0 }, database: store.options, access: access.settings });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

async function get(url: string): Promise<{ status: number; type: string | null; json: any }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), json: await response.json() };
}

describe('health and readiness', () => {
  it('every part answers /health, and /ready with its checks, without a token', async () => {
    for (const url of [stack.gatewayUrl, ...Object.values(stack.subgraphs).map((s) => s.url)]) {
      expect(await get(new URL('health', url).href), url).toMatchObject({ status: 200, json: { status: 'ok' } });
      const ready = await get(new URL('ready', url).href);
      expect(ready.status, url).toBe(200);
      expect(ready.json.status, url).toBe('ready');
    }
    const gateway = await get(new URL('ready', stack.gatewayUrl).href);
    expect(gateway.json.checks.map((c: { name: string }) => c.name).sort()).toEqual(Object.keys(stack.subgraphs).map((name) => `subgraph:${name}`).sort());
    const loket = await get(new URL('ready', stack.subgraphs.loket.url).href);
    expect(loket.json.checks).toEqual([{ name: 'store', ok: true, required: true }]);
  });

  it('a gateway whose subgraph does not answer is degraded and names it; a stopped part is not ready', async () => {
    const subgraphUrls = { ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])), uwv: 'http://127.0.0.1:9/' };
    const gateway = await startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls });
    try {
      const ready = await get(new URL('ready', gateway.url).href);
      expect(ready.status).toBe(200);
      expect(ready.json.status).toBe('degraded');
      expect(ready.json.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { name: string }) => c.name)).toEqual(['subgraph:uwv']);
    } finally {
      await gateway.stop();
    }
  });
});

describe('graceful stop', () => {
  it('finishes a request in flight, then takes no new ones', async () => {
    const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
    const gateway = await startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls });
    stack.sandboxes.uwv.knobs.latencyMs = 1_500;
    try {
      const headers = await access.headers({ sub: 'km-stop', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] }, PURPOSES.klantdossier);
      const page = graphql(gateway.url, '{ arbeidsmarktregio(code: "AM36") { kandidaten(first: 3, filter: { bron: UWV }) { edges { node { id uwvDossier { uitkering } } } } } }', {}, headers);
      // Stop while the UWV partner is still answering.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stopped = gateway.stop();
      const result = await page;
      expect(result.errors).toBeUndefined();
      expect(result.data?.arbeidsmarktregio.kandidaten.edges).toHaveLength(3);
      await stopped;
      await expect(fetch(new URL('health', gateway.url))).rejects.toThrow();
    } finally {
      stack.sandboxes.uwv.knobs.latencyMs = 0;
    }
  });

  // Needs root for a network namespace of its own (npm start uses the fixed ports); CI runs as root.
  it.runIf(process.getuid?.() === 0)('npm start stops every part when its npm process gets SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
    try {
      const env = { ...process.env, SANDBOX_SCALE: '300', LOKET_DATA_DIR: 'memory://', LOGBOEK_DATA_DIR: 'memory://', DEV_SLEUTELS_DIR: dir, DATABASE_URL: '' };
      const child = spawn('unshare', ['--net', 'bash', '-c', 'ip link set lo up && exec npm start'], { cwd: new URL('../../', import.meta.url).pathname, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not get ready: ${out}`)), 90_000);
        child.stdout.on('data', () => /Ready in/.test(out) && (clearTimeout(timer), resolve()));
      });
      // The child is npm itself (unshare and bash exec into it).
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/SIGTERM: stopping/);
      expect(processesWith(`DEV_SLEUTELS_DIR=${dir}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Pids of live processes whose environment holds `entry`. */
function processesWith(entry: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry);
      } catch {
        return false;
      }
    })
    .map(Number);
}
