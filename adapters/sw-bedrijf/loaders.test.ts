/**
 * Warm-up and batch lookups of the SW-bedrijf adapter against nock-served native CSV exports: one
 * download per SW-bedrijf per batch, malformed rows reported per key, failing companies reported per
 * key, unknown keys null, and no BSN in any issue or error.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { createSwBedrijfAdapter, type SwBedrijfAdapter } from './index.js';
import { BSN, MEDEWERKERS_AM01, MEDEWERKERS_AM36, SW_TEST_URL, TEST_BRONNEN, WERKGEVERS_AM01, WERKGEVERS_AM36, pseudonymize } from './test-exports.js';

type Bestand = 'medewerkers' | 'werkgevers';

/** Serves one export file for as long as the test runs and counts the downloads. */
function serve(bedrijf: string, bestand: Bestand, body: string, status = 200): () => number {
  let downloads = 0;
  nock(SW_TEST_URL)
    .get(`/bedrijven/${bedrijf}/export/${bestand}.csv`)
    .reply(() => {
      downloads += 1;
      return [status, body, { 'content-type': 'text/csv; charset=utf-8' }];
    })
    .persist();
  return () => downloads;
}

function serveAll(): Record<`${'am36' | 'am01'}-${Bestand}`, () => number> {
  return {
    'am36-medewerkers': serve('sw-am36', 'medewerkers', MEDEWERKERS_AM36),
    'am36-werkgevers': serve('sw-am36', 'werkgevers', WERKGEVERS_AM36),
    'am01-medewerkers': serve('sw-am01', 'medewerkers', MEDEWERKERS_AM01),
    'am01-werkgevers': serve('sw-am01', 'werkgevers', WERKGEVERS_AM01),
  };
}

async function warmAdapter(): Promise<SwBedrijfAdapter> {
  const adapter = createSwBedrijfAdapter({ bronnen: TEST_BRONNEN, pseudonymize });
  await adapter.warmUp();
  return adapter;
}

/** Settles every key of a batch, so errors and values can be checked side by side. */
function settle<V>(loads: Promise<V>[]): Promise<PromiseSettledResult<V>[]> {
  return Promise.allSettled(loads);
}

function reason(result: PromiseSettledResult<unknown> | undefined): unknown {
  return result?.status === 'rejected' ? result.reason : undefined;
}

function expectNoBsn(text: string): void {
  for (const bsn of Object.values(BSN)) expect(text).not.toContain(bsn);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('SW-bedrijf warm-up', () => {
  it('reads both lists of every company once and reports malformed rows by personeelsnummer or KvK number', async () => {
    const downloads = serveAll();
    const adapter = createSwBedrijfAdapter({ bronnen: TEST_BRONNEN, pseudonymize });
    const result = await adapter.warmUp();
    expect(result.records).toBe(2 + 1 + 2 + 1);
    expect(result.unavailable).toEqual([]);
    expect(result.issues.map((i) => [i.bronSysteem, i.recordSoort, i.record, i.veld])).toEqual([
      ['sw-am36', 'medewerker', 'P0000003', 'in_dienst_sinds'],
      ['sw-am36', 'werkgever', '34567890', 'laatst_gewijzigd'],
    ]);
    expect(Object.values(downloads).map((count) => count())).toEqual([1, 1, 1, 1]);
    expectNoBsn(JSON.stringify(result.issues));
  });

  it('reports a company it cannot reach and still learns the others', async () => {
    serve('sw-am36', 'medewerkers', 'down', 503);
    serve('sw-am36', 'werkgevers', WERKGEVERS_AM36);
    serve('sw-am01', 'medewerkers', MEDEWERKERS_AM01);
    serve('sw-am01', 'werkgevers', WERKGEVERS_AM01);
    const adapter = createSwBedrijfAdapter({ bronnen: TEST_BRONNEN, pseudonymize });
    const result = await adapter.warmUp();
    expect(result.unavailable.map((e) => [e.bron, e.bronSysteem])).toEqual([['SW_BEDRIJF', 'sw-am36']]);
    await expect(adapter.createLoaders().medewerker.load(pseudonymize(BSN.bakker))).resolves.toMatchObject({ bronSysteem: 'sw-am01' });
  });
});

describe('SW-bedrijf medewerker loader', () => {
  it('resolves a batch of people at two companies with one download per company', async () => {
    const downloads = serveAll();
    const adapter = await warmAdapter();
    const loaders = adapter.createLoaders();
    const afterWarmUp = [downloads['am36-medewerkers'](), downloads['am01-medewerkers']()];
    const [berg, jansen, bakker, onbekend] = await Promise.all(
      [BSN.berg, BSN.jansen, BSN.bakker, '416178418'].map((bsn) => loaders.medewerker.load(pseudonymize(bsn))),
    );
    expect([downloads['am36-medewerkers'](), downloads['am01-medewerkers']()]).toEqual(afterWarmUp.map((n) => n + 1));
    expect(berg).toEqual({
      id: pseudonymize(BSN.berg),
      bronSysteem: 'sw-am36',
      swBedrijf: 'SW-bedrijf Regio Zwolle',
      soort: 'WSW',
      inDienstSinds: '2004-09-01',
      werkfit: true,
      urenPerWeek: 32,
      gedetacheerdBijKvk: '12345678',
      bijgewerktOp: '2026-10-15T09:30:00.000Z',
    });
    expect(jansen).toMatchObject({ soort: 'BESCHUT_WERK', werkfit: false, urenPerWeek: 24, gedetacheerdBijKvk: null });
    expect(bakker).toMatchObject({ swBedrijf: 'SW-bedrijf Groningen', urenPerWeek: 28.5, gedetacheerdBijKvk: '87654321' });
    expect(onbekend).toBeNull();
  });

  it('rejects only the key whose row is malformed, naming company, record and field', async () => {
    serveAll();
    const loaders = (await warmAdapter()).createLoaders();
    const [vries, berg] = await settle([BSN.vries, BSN.berg].map((bsn) => loaders.medewerker.load(pseudonymize(bsn))));
    const error = reason(vries);
    expect(error).toBeInstanceOf(PartnerRecordError);
    expect((error as PartnerRecordError).issue).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', record: 'P0000003', veld: 'in_dienst_sinds' });
    expectNoBsn((error as Error).message);
    expect(berg).toMatchObject({ status: 'fulfilled', value: { inDienstSinds: '2004-09-01' } });
  });

  it('rejects the keys of a company answering 503 with a PartnerUnavailableError naming it; other companies resolve', async () => {
    serveAll();
    const adapter = await warmAdapter();
    nock.cleanAll();
    serve('sw-am36', 'medewerkers', 'Service Unavailable', 503);
    serve('sw-am01', 'medewerkers', MEDEWERKERS_AM01);
    const loaders = adapter.createLoaders();
    const [berg, bakker] = await settle([BSN.berg, BSN.bakker].map((bsn) => loaders.medewerker.load(pseudonymize(bsn))));
    const error = reason(berg);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36' });
    expectNoBsn(String(error));
    expect(bakker).toMatchObject({ status: 'fulfilled', value: { bronSysteem: 'sw-am01' } });
  });

  it('does not return another person when a personeelsnummer was given to someone else since the warm-up', async () => {
    serveAll();
    const adapter = await warmAdapter();
    nock.cleanAll();
    serve('sw-am01', 'medewerkers', MEDEWERKERS_AM01.replace(BSN.bakker, BSN.jansen));
    await expect(adapter.createLoaders().medewerker.load(pseudonymize(BSN.bakker))).resolves.toBeNull();
  });

  it('leaves a row with an invalid BSN out, reporting field `bsn` without the number', async () => {
    serve('sw-am36', 'medewerkers', MEDEWERKERS_AM36.replace(BSN.jansen, BSN.ongeldig));
    serve('sw-am36', 'werkgevers', WERKGEVERS_AM36);
    serve('sw-am01', 'medewerkers', MEDEWERKERS_AM01);
    serve('sw-am01', 'werkgevers', WERKGEVERS_AM01);
    const result = await createSwBedrijfAdapter({ bronnen: TEST_BRONNEN, pseudonymize }).warmUp();
    const issue = result.issues.find((i) => i.record === 'P0000002');
    expect(issue).toMatchObject({ veld: 'bsn', recordSoort: 'medewerker' });
    expectNoBsn(JSON.stringify(result.issues));
  });
});

describe('SW-bedrijf detacheringen loader', () => {
  it('sums the secondments per employer with one download per company, zero where nobody is seconded now, null where unknown', async () => {
    const downloads = serveAll();
    const loaders = (await warmAdapter()).createLoaders();
    const afterWarmUp = [downloads['am36-werkgevers'](), downloads['am01-werkgevers']()];
    const kvks = ['12345678', '23456789', '87654321', '99999999', '34567890'];
    const [korenschoof, zonder, noord, onbekend, kapot] = await settle(kvks.map((kvk) => loaders.detacheringen.load(kvk)));
    expect([downloads['am36-werkgevers'](), downloads['am01-werkgevers']()]).toEqual(afterWarmUp.map((n) => n + 1));
    expect(korenschoof).toEqual({ status: 'fulfilled', value: { kvkNummer: '12345678', swBedrijf: 'SW-bedrijf Regio Zwolle', aantalMedewerkers: 3, urenPerWeek: 92.5 } });
    expect(noord).toMatchObject({ status: 'fulfilled', value: { swBedrijf: 'SW-bedrijf Groningen', aantalMedewerkers: 1 } });
    expect(zonder).toMatchObject({ status: 'fulfilled', value: { kvkNummer: '23456789', aantalMedewerkers: 0, urenPerWeek: 0 } });
    expect(onbekend).toEqual({ status: 'fulfilled', value: null });
    expect((reason(kapot) as PartnerRecordError).issue).toMatchObject({ bron: 'SW_BEDRIJF', record: '34567890', veld: 'laatst_gewijzigd' });
  });
});
