/**
 * The loket subgraph over HTTP against the sandbox partners: it fills its index at first start, and
 * on a restart serves the stored index at once; when every partner is down then, it keeps what it
 * has and reports the failed sources instead of emptying the index.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPseudonymizer, DEV_PSEUDONIEM_SLEUTEL } from '../../adapters/kit/pseudonym.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import { startSandboxes, type Sandboxes } from '../../sandbox/partners.js';
import { testDatabase } from '../../test/support/database.js';
import { graphql } from '../../test/support/graphql.js';
import { startLoketSubgraph } from './server.js';

const world = generateWorld({ seed: 5, kandidaten: 800, vacatures: 300, werkgevers: 300 });
const expected = world.personen.filter((p) => p.regioCode === 'AM36').length;
const store = testDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'loket-'));
const database = store.kind === 'postgres' ? store.options : { dataDir };
const pseudonymize = createPseudonymizer(DEV_PSEUDONIEM_SLEUTEL);
const QUERY = '{ arbeidsmarktregio(code: "AM36") { kandidaten { totalCount } } bronStatus { bronSysteem aantalRecords fout } }';
let sandboxes: Sandboxes;

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
    const first = await startLoketSubgraph({ bronnen: sandboxes.bronnen, pseudonymize, database });
    const before = await graphql(first.url, QUERY);
    expect(before.data?.arbeidsmarktregio.kandidaten.totalCount).toBe(expected);
    await first.stop();

    await sandboxes.close();
    const second = await startLoketSubgraph({ bronnen: sandboxes.bronnen, pseudonymize, database });
    try {
      // Served from the stored index while the background synchronisation runs into closed partners.
      const during = await graphql(second.url, QUERY);
      expect(during.data?.arbeidsmarktregio.kandidaten.totalCount).toBe(expected);
      const report = await second.firstSync;
      expect(report.bronnen.every((b) => b.fout)).toBe(true);
      const after = await graphql(second.url, QUERY);
      expect(after.data?.arbeidsmarktregio.kandidaten.totalCount).toBe(expected);
      const statuses = after.data?.bronStatus as { bronSysteem: string; aantalRecords: number; fout: string | null }[];
      expect(statuses.find((s) => s.bronSysteem === 'uwv')?.fout).toMatch(/^UWV \(uwv\): /);
      expect(statuses.find((s) => s.bronSysteem === 'uwv')?.aantalRecords).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });
});
