/**
 * The loket subgraph over HTTP against the sandbox partners: it fills its index at first start, and
 * on a restart serves the stored index at once; when every partner is down then, it keeps what it
 * has and reports the failed sources instead of emptying the index. Asked as a router would: the
 * candidate count with a klantmanager's token of AM36, the source status with a beheerder's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import { startSandboxes, type Sandboxes } from '../../sandbox/partners.js';
import { subgraphTestAccess } from '../../test/support/access.js';
import { testDatabase } from '../../test/support/database.js';
import { graphql } from '../../test/support/graphql.js';
import { startLoketSubgraph } from './server.js';

const world = generateWorld({ seed: 5, kandidaten: 800, vacatures: 300, werkgevers: 300 });
const expected = world.personen.filter((p) => p.regioCode === 'AM36').length;
const store = testDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'loket-'));
const database = store.kind === 'postgres' ? store.options : { dataDir };
const pseudonymize = createPseudonymizer('subgraph-test-pseudoniem-sleutel-van-32-tekens');
const KANDIDATEN = '{ arbeidsmarktregio(code: "AM36") { kandidaten { totalCount } } }';
const BRON_STATUS = '{ bronStatus { bronSysteem aantalRecords fout } }';
const t = subgraphTestAccess('loket');
let sandboxes: Sandboxes;

/** The number of AM36 candidates the loket serves, as a klantmanager of AM36 asks it. */
async function aantalKandidaten(url: string): Promise<unknown> {
  const response = await graphql(url, KANDIDATEN, undefined, await t.headers());
  expect(response.errors).toBeUndefined();
  return response.data?.arbeidsmarktregio.kandidaten.totalCount;
}

beforeAll(async () => {
  sandboxes = await startSandboxes(world, { ports: 'ephemeral' });
});

afterAll(async () => {
  await sandboxes.close().catch(() => {});
  await store.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a source the synchronisation could not read', () => {
  it('is read again with backoff until it succeeds, without a sync interval, and bronStatus shows its error meanwhile', async () => {
    const [systeem, ander] = sandboxes.bronnen.gemeente.map((b) => b.id) as [string, string];
    Object.assign(sandboxes.servers.gemeente.knobs, { errorRate: 1, scope: `/${systeem}/` });
    vi.stubEnv('PARTNER_BREAKER_PAUSE_MS', '300');
    const loket = await startLoketSubgraph({ bronnen: sandboxes.bronnen, pseudonymize, database: { dataDir: 'memory://' }, access: t.deps, retryInitialMs: 100 });
    try {
      const first = await loket.firstSync;
      expect(first.bronnen.filter((b) => b.fout).map((b) => b.bronSysteem)).toEqual([systeem]);
      const statusVan = async (id: string) => {
        const response = await graphql(loket.url, '{ bronStatus { bronSysteem laatsteSynchronisatie aantalRecords fout } }', undefined, await t.headersFor({ sub: 'test-beheerder', rol: 'beheerder' }));
        return (response.data?.bronStatus as { bronSysteem: string; laatsteSynchronisatie: string | null; aantalRecords: number; fout: string | null }[]).find((b) => b.bronSysteem === id);
      };
      expect(await statusVan(systeem)).toMatchObject({ laatsteSynchronisatie: null, aantalRecords: 0, fout: expect.stringMatching(new RegExp(`^GEMEENTE \\(${systeem}\\): `)) });
      const anderGelezen = (await statusVan(ander))?.laatsteSynchronisatie;
      expect(anderGelezen).toEqual(expect.any(String));

      Object.assign(sandboxes.servers.gemeente.knobs, { errorRate: 0, scope: '' });
      await vi.waitFor(async () => expect(await statusVan(systeem)).toMatchObject({ laatsteSynchronisatie: expect.any(String), fout: null }), { timeout: 20_000, interval: 100 });
      expect((await statusVan(systeem))?.aantalRecords).toBeGreaterThan(0);
      // Only the failed source was read again.
      expect((await statusVan(ander))?.laatsteSynchronisatie).toBe(anderGelezen);
    } finally {
      vi.unstubAllEnvs();
      Object.assign(sandboxes.servers.gemeente.knobs, { errorRate: 0, scope: '' });
      await loket.stop();
    }
  });
});

describe(`loket subgraph restart (${store.kind})`, () => {
  it('fills the index at first start, then serves it after a restart while every partner is down', async () => {
    const first = await startLoketSubgraph({ bronnen: sandboxes.bronnen, pseudonymize, database, access: t.deps });
    expect(await aantalKandidaten(first.url)).toBe(expected);
    await first.stop();

    await sandboxes.close();
    const second = await startLoketSubgraph({ bronnen: sandboxes.bronnen, pseudonymize, database, access: t.deps });
    try {
      // Served from the stored index while the background synchronisation runs into closed partners.
      expect(await aantalKandidaten(second.url)).toBe(expected);
      const report = await second.firstSync;
      expect(report.bronnen.every((b) => b.fout)).toBe(true);
      expect(await aantalKandidaten(second.url)).toBe(expected);
      const after = await graphql(second.url, BRON_STATUS, undefined, await t.headersFor({ sub: 'test-beheerder', rol: 'beheerder' }));
      expect(after.errors).toBeUndefined();
      const statuses = after.data?.bronStatus as { bronSysteem: string; aantalRecords: number; fout: string | null }[];
      expect(statuses.find((s) => s.bronSysteem === 'uwv')?.fout).toMatch(/^UWV \(uwv\): /);
      expect(statuses.find((s) => s.bronSysteem === 'uwv')?.aantalRecords).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });
});
