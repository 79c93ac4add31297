/**
 * The loket subgraph over HTTP against the sandbox partners: it fills its index at first start, and
 * on a restart serves the stored index at once; when every partner is down then, it keeps what it
 * has and reports the failed sources instead of emptying the index. Asked as a router would: the
 * candidate count with a klantmanager's token of AM36, the source status with a beheerder's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
