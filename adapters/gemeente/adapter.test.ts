/**
 * Contract tests of the gemeente adapter against native payloads served by nock: JSON page/size
 * paging, CSV exports (`;`, dd-mm-jjjj, J/N), malformed records reported with bron, key and field,
 * batched lookups (one call per source system), partner failures, and that no BSN escapes.
 */
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { FeedPage, FeedSource } from '../kit/feed.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { createGemeenteAdapter } from './index.js';
import { BASE, CSV_KLANT_HEADER, csvKlantRij, jsonKlant, jsonVacature, jsonWerkgever, pagina, testBronnen, testBsn } from './test-bronnen.js';

const pseudonymize = createPseudonymizer('gemeente-adapter-test-pseudoniemsleutel');
const VANDAAG = new Date(Date.UTC(2026, 10, 1));
const adapter = () => createGemeenteAdapter({ bronnen: testBronnen(), pseudonymize, timeoutMs: 2_000, vandaag: () => VANDAAG });

const A = '/systemen/gm-test-a/api/v1';
const B = '/systemen/gm-test-b/api/v1';
const CSV = '/exports/gm-test-csv';
const BSN = Array.from({ length: 6 }, (_, i) => testBsn(i + 1));

async function collect<T>(pages: AsyncIterable<FeedPage<T>> | undefined): Promise<FeedPage<T>> {
  const all: FeedPage<T> = { records: [], issues: [] };
  for await (const page of pages ?? []) {
    all.records.push(...page.records);
    all.issues.push(...page.issues);
  }
  return all;
}

function feedSource(id: string): FeedSource {
  const source = adapter().feed.sources.find((s) => s.bronSysteem === id);
  if (!source) throw new Error(`no feed source ${id}`);
  return source;
}

function expectNoBsn(value: unknown): void {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message } : v));
  for (const bsn of BSN) expect(text).not.toContain(bsn);
}

/** Every list of every test system empty, except what a test mocks itself first. */
function emptyLists(except: string[] = []): void {
  for (const base of [A, B]) {
    for (const list of ['klanten', 'werkgevers', 'vacatures']) {
      if (!except.includes(`${base}/${list}`)) nock(BASE).get(`${base}/${list}`).query({ page: '1', size: '200' }).reply(200, pagina([], 1, 0));
    }
  }
  // An empty export is its header row alone.
  const headers = { klanten: CSV_KLANT_HEADER, werkgevers: 'kvk_nummer', vacatures: 'nummer' };
  for (const [file, header] of Object.entries(headers)) {
    if (!except.includes(`${CSV}/${file}.csv`)) nock(BASE).get(`${CSV}/${file}.csv`).reply(200, `${header}\r\n`);
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('index feed', () => {
  it('has one feed source per configured gemeente system', () => {
    expect(adapter().feed.sources.map((s) => [s.bron, s.bronSysteem])).toEqual([
      ['GEMEENTE', 'gm-test-a'],
      ['GEMEENTE', 'gm-test-b'],
      ['GEMEENTE', 'gm-test-csv'],
    ]);
  });

  it('reads every page of a JSON system and derives the target groups', async () => {
    const jong = jsonKlant('K1', BSN[0] as string, { geboortedatum: '2004-03-01', startkwalificatie: false });
    const oud = jsonKlant('K2', BSN[1] as string, { geboortedatum: '1971-10-31', statushouder: true, regeling: 'IOAZ' });
    const scope = nock(BASE)
      .get(`${A}/klanten`)
      .query({ page: '1', size: '200' })
      .reply(200, pagina([jong], 1, 2, 2))
      .get(`${A}/klanten`)
      .query({ page: '2', size: '200' })
      .reply(200, pagina([oud], 2, 2, 2));

    const { records, issues } = await collect(feedSource('gm-test-a').kandidaten?.());

    scope.done();
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        id: pseudonymize(BSN[0] as string),
        bron: 'GEMEENTE',
        gemeenteCode: 'GM0193',
        doelgroepen: ['PARTICIPATIEWET', 'JONGERE_ZONDER_STARTKWALIFICATIE'],
        competenties: ['24101', '24107'],
        werkDenkNiveau: 3,
        beschikbaarPer: '2026-12-01',
        bijgewerktOp: '2026-10-20T09:15:00.000Z',
      },
      expect.objectContaining({ id: pseudonymize(BSN[1] as string), doelgroepen: ['PARTICIPATIEWET', 'STATUSHOUDER', 'VIJFTIG_PLUS'] }),
    ]);
    expectNoBsn(records);
  });

  it('keeps the good records of a page with a malformed one and names bron, record and field', async () => {
    const kapot = jsonKlant('K2', BSN[1] as string);
    delete kapot.geboortedatum;
    nock(BASE)
      .get(`${A}/klanten`)
      .query(true)
      .reply(200, pagina([jsonKlant('K1', BSN[0] as string), kapot, jsonKlant('K3', BSN[2] as string)]));

    const { records, issues } = await collect(feedSource('gm-test-a').kandidaten?.());

    expect(records.map((r) => r.id)).toEqual([pseudonymize(BSN[0] as string), pseudonymize(BSN[2] as string)]);
    expect(issues).toEqual([expect.objectContaining({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a', recordSoort: 'klant', record: 'K2', veld: 'geboortedatum' })]);
    expectNoBsn(issues);
  });

  it('reports an invalid BSN by client number without quoting it', async () => {
    nock(BASE)
      .get(`${A}/klanten`)
      .query(true)
      .reply(200, pagina([jsonKlant('K9', '123456789')]));

    const { records, issues } = await collect(feedSource('gm-test-a').kandidaten?.());

    expect(records).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ record: 'K9', veld: 'bsn' })]);
    expect(JSON.stringify(issues)).not.toContain('123456789');
  });

  it('parses a CSV export and reports a row with an impossible date', async () => {
    const csv = [CSV_KLANT_HEADER, csvKlantRij('C1', BSN[3] as string, '12-04-1990', 'J'), csvKlantRij('C2', BSN[4] as string, '31-02-2024')].join('\r\n');
    nock(BASE).get(`${CSV}/klanten.csv`).reply(200, csv, { 'content-type': 'text/csv; charset=utf-8' });

    const { records, issues } = await collect(feedSource('gm-test-csv').kandidaten?.());

    expect(records).toEqual([
      {
        id: pseudonymize(BSN[3] as string),
        bron: 'GEMEENTE',
        gemeenteCode: 'GM1708',
        doelgroepen: ['PARTICIPATIEWET', 'STATUSHOUDER'],
        competenties: ['24101', '24110', '24120'],
        werkDenkNiveau: null,
        beschikbaarPer: null,
        bijgewerktOp: '2026-10-20T09:15:00.000Z',
      },
    ]);
    expect(issues).toEqual([expect.objectContaining({ bron: 'GEMEENTE', bronSysteem: 'gm-test-csv', recordSoort: 'klant', record: 'C2', veld: 'geboortedatum' })]);
    expectNoBsn(issues);
  });

  it('gives vacancies the shared vacancy id and instruments their gemeente', async () => {
    nock(BASE)
      .get(`${B}/vacatures`)
      .query(true)
      .reply(200, pagina([jsonVacature('WSP-1')]))
      .get(`${B}/instrumenten`)
      .query(true)
      .reply(
        200,
        pagina([{ id: 'GM0166-LKS-1', gemeentecode: 'GM0166', naam: 'Loonkostensubsidie', soort: 'LOONKOSTENSUBSIDIE', doelgroepen: ['PARTICIPATIEWET'], voorwaarden: 'Loonwaardemeting verplicht.', max_bedrag: null, max_duur_maanden: 24, gewijzigd_op: '2026-10-01T08:00:00.000Z' }]),
      );

    const vacatures = await collect(feedSource('gm-test-b').vacatures?.());
    const instrumenten = await collect(feedSource('gm-test-b').instrumenten?.());

    expect(vacatures.records).toEqual([expect.objectContaining({ id: vacatureId('12345678', 'Medewerker productie (m/v)', '8011AB'), bron: 'GEMEENTE', doelgroepen: ['BANENAFSPRAAK'], geplaatstOp: '2026-10-10' })]);
    expect(instrumenten.records).toEqual([expect.objectContaining({ id: 'GM0166-LKS-1', gemeenteCode: 'GM0166', regioCode: null, soort: 'LOONKOSTENSUBSIDIE', maxDuurMaanden: 24 })]);
  });

  it('throws PartnerUnavailableError naming the system when it answers 503', async () => {
    nock(BASE).get(`${A}/werkgevers`).query(true).reply(503, { title: 'Service Unavailable' });

    const error = await collect(feedSource('gm-test-a').werkgevers?.()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a' });
  });
});

describe('warm-up and loaders', () => {
  it('looks up a batch of clients with exactly one call per source system', async () => {
    emptyLists([`${A}/klanten`, `${B}/klanten`, `${CSV}/klanten.csv`]);
    const kapot = jsonKlant('K2', BSN[1] as string);
    delete kapot.participatieladder_trede;
    const a = [jsonKlant('K1', BSN[0] as string), kapot];
    const b = [jsonKlant('K3', BSN[2] as string, { tussenvoegsel: null, gemeentecode: 'GM0166' })];
    const csv = [CSV_KLANT_HEADER, csvKlantRij('C1', BSN[3] as string)].join('\r\n');
    nock(BASE)
      .get(`${A}/klanten`)
      .query(true)
      .reply(200, pagina(a))
      .get(`${B}/klanten`)
      .query(true)
      .reply(200, pagina(b))
      .get(`${CSV}/klanten.csv`)
      .reply(200, csv);
    const gemeente = adapter();
    const warm = await gemeente.warmUp();
    expect(warm.records).toBe(3);
    expect(warm.issues).toEqual([expect.objectContaining({ bronSysteem: 'gm-test-a', record: 'K2', veld: 'participatieladder_trede' })]);
    expect(warm.unavailable).toEqual([]);

    const lookups = nock(BASE)
      .get(`${A}/klanten`)
      .query({ klantnummers: 'K1,K2' })
      .reply(200, pagina(a))
      .get(`${B}/klanten`)
      .query({ klantnummers: 'K3' })
      .reply(200, pagina(b))
      .get(`${CSV}/klanten.csv`)
      .reply(200, csv);
    const loaders = gemeente.createLoaders();
    const ids = [BSN[0], BSN[1], BSN[2], BSN[3], BSN[5]].map((bsn) => pseudonymize(bsn as string));
    const results = await loaders.klant.loadMany(ids);

    lookups.done();
    expect(nock.pendingMocks()).toEqual([]);
    expect(results[0]).toEqual({
      bronSysteem: 'gm-test-a',
      gemeenteCode: 'GM0193',
      naam: 'Fatima van der Berg',
      geboortedatum: '1990-04-12',
      regeling: 'PARTICIPATIEWET',
      participatieladderTrede: 4,
      klantmanager: 'Jan Jansen',
      inBeeldSinds: '2024-01-15',
      statushouder: false,
      bijgewerktOp: '2026-10-20T09:15:00.000Z',
    });
    expect(results[1]).toBeInstanceOf(PartnerRecordError);
    expect((results[1] as PartnerRecordError).issue).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a', record: 'K2', veld: 'participatieladder_trede' });
    expect(results[2]).toMatchObject({ naam: 'Fatima Berg', gemeenteCode: 'GM0166' });
    expect(results[3]).toMatchObject({ naam: 'Ahmed Yilmaz', regeling: 'IOAW', geboortedatum: '1990-04-12', bronSysteem: 'gm-test-csv' });
    expect(results[4]).toBeNull();
    expectNoBsn(results);
  });

  it('turns a failing system into PartnerUnavailableError for its keys only', async () => {
    emptyLists([`${A}/klanten`, `${B}/klanten`]);
    nock(BASE)
      .get(`${A}/klanten`)
      .query(true)
      .reply(200, pagina([jsonKlant('K1', BSN[0] as string)]))
      .get(`${B}/klanten`)
      .query(true)
      .reply(200, pagina([jsonKlant('K3', BSN[2] as string)]));
    const gemeente = adapter();
    await gemeente.warmUp();

    nock(BASE)
      .get(`${A}/klanten`)
      .query({ klantnummers: 'K1' })
      .reply(503)
      .get(`${B}/klanten`)
      .query({ klantnummers: 'K3' })
      .reply(200, pagina([jsonKlant('K3', BSN[2] as string)]));
    const [a, b] = await gemeente.createLoaders().klant.loadMany([pseudonymize(BSN[0] as string), pseudonymize(BSN[2] as string)]);

    expect(a).toBeInstanceOf(PartnerUnavailableError);
    expect(a).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a' });
    expect((a as Error).message).not.toContain('K1');
    expect(b).toMatchObject({ naam: 'Fatima van der Berg' });
    expectNoBsn([a, b]);
  });

  it('collects an employer relation from every gemeente system that knows the employer', async () => {
    emptyLists([`${A}/werkgevers`, `${B}/werkgevers`]);
    nock(BASE)
      .get(`${A}/werkgevers`)
      .query(true)
      .reply(200, pagina([jsonWerkgever('12345678'), jsonWerkgever('87654321')]))
      .get(`${B}/werkgevers`)
      .query(true)
      .reply(200, pagina([jsonWerkgever('12345678', { gemeentecode: 'GM0166', accountmanager: 'Kees Smit', lks_plaatsingen: 0 })]));
    const gemeente = adapter();
    await gemeente.warmUp();

    const lookups = nock(BASE)
      .get(`${A}/werkgevers`)
      .query({ kvk_nummers: '12345678,87654321' })
      .reply(200, pagina([jsonWerkgever('12345678'), jsonWerkgever('87654321')]))
      .get(`${B}/werkgevers`)
      .query({ kvk_nummers: '12345678' })
      .reply(200, pagina([jsonWerkgever('12345678', { gemeentecode: 'GM0166', accountmanager: 'Kees Smit', lks_plaatsingen: 0 })]));
    const [beide, een, onbekend] = await gemeente.createLoaders().werkgeverRelaties.loadMany(['12345678', '87654321', '11112222']);

    lookups.done();
    expect(beide).toEqual([
      { kvkNummer: '12345678', bronSysteem: 'gm-test-a', gemeenteCode: 'GM0193', accountmanager: 'Petra de Vries', lksPlaatsingen: 2, laatsteContact: '2026-09-30', bijgewerktOp: '2026-10-01T12:00:00.000Z' },
      { kvkNummer: '12345678', bronSysteem: 'gm-test-b', gemeenteCode: 'GM0166', accountmanager: 'Kees Smit', lksPlaatsingen: 0, laatsteContact: '2026-09-30', bijgewerktOp: '2026-10-01T12:00:00.000Z' },
    ]);
    expect(een).toHaveLength(1);
    expect(onbekend).toEqual([]);
  });

  it('resolves a WSP vacancy by the shared vacancy id', async () => {
    emptyLists([`${B}/vacatures`]);
    nock(BASE)
      .get(`${B}/vacatures`)
      .query(true)
      .reply(200, pagina([jsonVacature('WSP-7')]));
    const gemeente = adapter();
    await gemeente.warmUp();

    nock(BASE)
      .get(`${B}/vacatures`)
      .query({ nummers: 'WSP-7' })
      .reply(200, pagina([jsonVacature('WSP-7')]));
    const id = vacatureId('12345678', 'Medewerker productie', '8011 AB');
    const [vacature, onbekend] = await gemeente.createLoaders().vacature.loadMany([id, 'vac_onbekend']);

    expect(vacature).toEqual({ id, bronSysteem: 'gm-test-b', nummer: 'WSP-7', omschrijving: 'Bakkerij zoekt een medewerker productie voor 32 uur per week.', gemeenteCode: 'GM0193' });
    expect(onbekend).toBeNull();
  });

  it('reports a system that is down during warm-up and still warms up the others', async () => {
    emptyLists([`${A}/klanten`, `${A}/werkgevers`, `${A}/vacatures`, `${B}/klanten`]);
    nock(BASE)
      .get(`${A}/klanten`)
      .query(true)
      .reply(503)
      .get(`${B}/klanten`)
      .query(true)
      .reply(200, pagina([jsonKlant('K3', BSN[2] as string)]));

    const warm = await adapter().warmUp();

    expect(warm.records).toBe(1);
    expect(warm.unavailable).toEqual([expect.objectContaining({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a' })]);
  });
});
