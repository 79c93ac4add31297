import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage, FeedSource } from '../../../adapters/kit/feed.js';
import type { IndexKandidaat, IndexVacature, IndexWerkgever } from '../../../adapters/kit/index-records.js';
import { PartnerUnavailableError } from '../../../adapters/kit/partner-errors.js';
import { testDatabase } from '../../../test/support/database.js';
import { syncIndex } from '../sync/index-sync.js';
import { openDatabase, type Database } from '../../kit/store/database.js';
import { bronStatussen, kandidatenPage, vacaturesPage, werkgeversPage } from './index-queries.js';
import { migrate } from '../../kit/store/migrate.js';
import { LOKET_MIGRATIONS } from './migrations.js';

async function* pages<T>(...batches: FeedPage<T>[]): AsyncIterable<FeedPage<T>> {
  yield* batches;
}

const kandidaat = (id: string, over: Partial<IndexKandidaat> = {}): IndexKandidaat => ({
  id,
  bron: 'UWV',
  gemeenteCode: 'GM0193',
  doelgroepen: [],
  competenties: [],
  werkDenkNiveau: 3,
  beschikbaarPer: null,
  bijgewerktOp: '2026-10-01T10:00:00.000Z',
  ...over,
});

const werkgever = (kvkNummer: string, bron: IndexWerkgever['bron'], naam = 'Bakkerij Jansen B.V.'): IndexWerkgever => ({ kvkNummer, bron, naam, gemeenteCode: 'GM0193', bijgewerktOp: '2026-09-01T00:00:00.000Z' });

const vacature = (id: string, bron: IndexVacature['bron']): IndexVacature => ({
  id,
  bron,
  soort: 'BAAN',
  titel: 'Orderpicker',
  kvkNummer: '12345678',
  gemeenteCode: 'GM0193',
  postcode: '8011AB',
  beroepscode: '9321',
  werkDenkNiveau: 1,
  urenPerWeek: 32,
  doelgroepen: bron === 'GEMEENTE' ? ['BANENAFSPRAAK'] : [],
  geplaatstOp: '2026-10-20',
  bijgewerktOp: '2026-10-20T09:00:00.000Z',
});

const store = testDatabase();
let db: Database;

const uwv: FeedSource = {
  bron: 'UWV',
  bronSysteem: 'uwv',
  kandidaten: () =>
    pages(
      {
        records: [kandidaat('kd_a', { doelgroepen: ['WW'], competenties: ['24101'] }), kandidaat('kd_b', { bijgewerktOp: '2026-10-02T10:00:00.000Z' })],
        issues: [{ bron: 'UWV', bronSysteem: 'uwv', recordSoort: 'klant', record: 'U000000009', veld: 'Geboortedat', melding: 'not a real date' }],
      },
      { records: [kandidaat('kd_c', { gemeenteCode: 'GM9999' })], issues: [] },
    ),
  werkgevers: () => pages({ records: [werkgever('12345678', 'UWV'), werkgever('87654321', 'UWV')], issues: [] }),
  // The same vacancy listed twice by one partner is one row, not a failed source.
  vacatures: () => pages({ records: [vacature('vac_1', 'UWV'), vacature('vac_1', 'UWV')], issues: [] }),
};
const gemeente: FeedSource = {
  bron: 'GEMEENTE',
  bronSysteem: 'gm-am36-a',
  kandidaten: () => pages({ records: [kandidaat('kd_a', { bron: 'GEMEENTE', doelgroepen: ['PARTICIPATIEWET'], competenties: ['24105'], werkDenkNiveau: 4 })], issues: [] }),
  werkgevers: () => pages({ records: [werkgever('12345678', 'GEMEENTE', 'Bakkerij Jansen')], issues: [] }),
  vacatures: () => pages({ records: [vacature('vac_1', 'GEMEENTE')], issues: [] }),
};
const onderwijs: FeedSource = { bron: 'ONDERWIJS', bronSysteem: 'sbb', werkgevers: () => pages({ records: [werkgever('12345678', 'ONDERWIJS')], issues: [] }) };
const failing: FeedSource = {
  bron: 'SW_BEDRIJF',
  bronSysteem: 'sw-am36',
  kandidaten: async function* () {
    throw new PartnerUnavailableError('SW_BEDRIJF', 'sw-am36', 'HTTP_FOUT', { httpStatus: 503, detail: 'HTTP 503 on GET /export/medewerkers.csv' });
  },
};

describe(`loket index (${store.kind})`, () => {
  beforeAll(async () => {
    db = await openDatabase(store.options);
    await migrate(db, LOKET_MIGRATIONS);
    await syncIndex(db, [
      { bron: 'UWV', sources: [uwv] },
      { bron: 'GEMEENTE', sources: [gemeente] },
      { bron: 'ONDERWIJS', sources: [onderwijs] },
      { bron: 'SW_BEDRIJF', sources: [failing] },
    ]);
  });
  afterAll(async () => {
    await db.close();
    await store.dispose();
  });

  it('merges a person known to gemeente and UWV into one candidate with both sources', async () => {
    const page = await kandidatenPage(db, { regioCode: 'AM36', first: 10 });
    expect(page.totalCount).toBe(2);
    const a = page.edges.find((e) => e.node.id === 'kd_a')?.node;
    expect(a?.bronnen).toEqual(['GEMEENTE', 'UWV']);
    expect(a?.doelgroepen).toEqual(['PARTICIPATIEWET', 'WW']);
    expect(a?.competenties).toEqual(['24101', '24105']);
    expect(a?.werkDenkNiveau).toBe(4);
  });

  it('deduplicates a vacancy posted at UWV and the WSP', async () => {
    const page = await vacaturesPage(db, { regioCode: 'AM36', first: 10 });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]?.node).toMatchObject({ id: 'vac_1', bron: 'UWV', bronnen: ['GEMEENTE', 'UWV'], doelgroepen: ['BANENAFSPRAAK'] });
  });

  it('orders employers by how many partners know them, with the common name', async () => {
    const page = await werkgeversPage(db, { regioCode: 'AM36', first: 10 });
    expect(page.edges.map((e) => [e.node.kvkNummer, e.node.aantalBronnen])).toEqual([
      ['12345678', 3],
      ['87654321', 1],
    ]);
    expect(page.edges[0]?.node.naam).toBe('Bakkerij Jansen B.V.');
    const filtered = await werkgeversPage(db, { regioCode: 'AM36', first: 10, minBronnen: 3 });
    expect(filtered.totalCount).toBe(1);
  });

  it('pages with cursors without skipping or repeating', async () => {
    const first = await kandidatenPage(db, { regioCode: 'AM36', first: 1 });
    expect(first.edges.map((e) => e.node.id)).toEqual(['kd_b']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await kandidatenPage(db, { regioCode: 'AM36', first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.id)).toEqual(['kd_a']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(2);
  });

  it('rejects a cursor it did not issue, naming the argument', async () => {
    await expect(kandidatenPage(db, { regioCode: 'AM36', first: 1, after: 'bm9wZQ' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
  });

  it('reports malformed and unplaceable records and failed sources, keeping the rest', async () => {
    const status = await bronStatussen(db);
    const uwvStatus = status.find((s) => s.bronSysteem === 'uwv');
    expect(uwvStatus?.afgewezen).toEqual([
      { recordSoort: 'kandidaat', record: 'kd_c', veld: 'gemeenteCode', melding: 'unknown CBS gemeentecode "GM9999"' },
      { recordSoort: 'klant', record: 'U000000009', veld: 'Geboortedat', melding: 'not a real date' },
    ]);
    expect(uwvStatus?.fout).toBeNull();
    expect(status.find((s) => s.bronSysteem === 'sw-am36')?.fout).toContain('HTTP 503');
  });

  it('keeps a failed source\'s previous records and drops what a source no longer has', async () => {
    const shrunk: FeedSource = { ...uwv, kandidaten: () => pages({ records: [kandidaat('kd_b')], issues: [] }) };
    const down: FeedSource = { ...gemeente, kandidaten: failing.kandidaten, werkgevers: undefined, vacatures: undefined };
    await syncIndex(db, [
      { bron: 'UWV', sources: [shrunk] },
      { bron: 'GEMEENTE', sources: [down] },
    ]);
    const page = await kandidatenPage(db, { regioCode: 'AM36', first: 10 });
    // kd_a is gone from UWV but the gemeente system failed, so its gemeente row stays.
    expect(page.edges.map((e) => [e.node.id, e.node.bronnen])).toEqual([
      ['kd_b', ['UWV']],
      ['kd_a', ['GEMEENTE']],
    ]);
  });
});
