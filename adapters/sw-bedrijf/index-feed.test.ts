/**
 * The SW-bedrijf index feed against nock-served native CSV exports: what the loket index receives
 * per company, how malformed rows are reported, and what a failing company does.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage, FeedSource } from '../kit/feed.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { createSwBedrijfAdapter } from './index.js';
import { FEED_PAGE_SIZE } from './index-feed.js';
import { BSN, INSTRUMENTEN_AM36, MEDEWERKERS_AM36, SW_TEST_URL, TEST_BRONNEN, VANDAAG, WERKGEVERS_AM36, pseudonymize } from './test-exports.js';

const adapter = createSwBedrijfAdapter({ bronnen: TEST_BRONNEN, pseudonymize, vandaag: () => VANDAAG });

function source(bronSysteem: string): FeedSource {
  const found = adapter.feed.sources.find((s) => s.bronSysteem === bronSysteem);
  if (!found) throw new Error(`no feed source ${bronSysteem}`);
  return found;
}

async function collect<T>(pages: AsyncIterable<FeedPage<T>> | undefined): Promise<FeedPage<T>[]> {
  const all: FeedPage<T>[] = [];
  for await (const page of pages ?? []) all.push(page);
  return all;
}

function serve(bedrijf: string, bestand: string, status: number, body: string): void {
  nock(SW_TEST_URL).get(`/bedrijven/${bedrijf}/export/${bestand}.csv`).reply(status, body, { 'content-type': 'text/csv; charset=utf-8' });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('SW-bedrijf index feed', () => {
  it('has one source per configured SW-bedrijf, as bron SW_BEDRIJF', () => {
    expect(adapter.feed.bron).toBe('SW_BEDRIJF');
    expect(adapter.feed.sources.map((s) => s.bronSysteem).sort()).toEqual(['sw-am01', 'sw-am36']);
  });

  it('streams employees as candidates with pseudonym, gemeente and target groups, and reports the malformed row', async () => {
    serve('sw-am36', 'medewerkers', 200, MEDEWERKERS_AM36);
    const pages = await collect(source('sw-am36').kandidaten?.());
    const records = pages.flatMap((p) => p.records);
    expect(records).toEqual([
      { id: pseudonymize(BSN.berg), bron: 'SW_BEDRIJF', gemeenteCode: 'GM0193', doelgroepen: ['WSW', 'VIJFTIG_PLUS'], competenties: [], werkDenkNiveau: null, beschikbaarPer: null, bijgewerktOp: '2026-10-15T09:30:00.000Z' },
      { id: pseudonymize(BSN.jansen), bron: 'SW_BEDRIJF', gemeenteCode: 'GM0119', doelgroepen: ['BESCHUT_WERK'], competenties: [], werkDenkNiveau: null, beschikbaarPer: null, bijgewerktOp: '2026-10-01T12:00:00.000Z' },
    ]);
    const issues = pages.flatMap((p) => p.issues);
    expect(issues).toEqual([expect.objectContaining({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', recordSoort: 'medewerker', record: 'P0000003', veld: 'in_dienst_sinds' })]);
    const sent = JSON.stringify(pages);
    for (const bsn of Object.values(BSN)) expect(sent).not.toContain(bsn);
  });

  it('streams employers with their names and instruments with the region of the SW-bedrijf', async () => {
    serve('sw-am36', 'werkgevers', 200, WERKGEVERS_AM36);
    serve('sw-am36', 'instrumenten', 200, INSTRUMENTEN_AM36);
    const werkgevers = await collect(source('sw-am36').werkgevers?.());
    expect(werkgevers.flatMap((p) => p.records)).toEqual([
      { kvkNummer: '12345678', bron: 'SW_BEDRIJF', naam: 'Bakkerij De Korenschoof B.V.', gemeenteCode: 'GM0193', bijgewerktOp: '2026-10-15T09:30:00.000Z' },
      { kvkNummer: '23456789', bron: 'SW_BEDRIJF', naam: 'Groenvoorziening Zwolle', gemeenteCode: 'GM0193', bijgewerktOp: '2026-09-01T08:00:00.000Z' },
    ]);
    expect(werkgevers.flatMap((p) => p.issues)).toEqual([expect.objectContaining({ record: '34567890', veld: 'laatst_gewijzigd', recordSoort: 'werkgever' })]);

    const instrumenten = (await collect(source('sw-am36').instrumenten?.())).flatMap((p) => p.records);
    expect(instrumenten).toEqual([
      expect.objectContaining({ id: 'sw-am36-DET', soort: 'DETACHERING', doelgroepen: ['WSW', 'BESCHUT_WERK'], voorwaarden: 'Medewerker blijft in dienst; werkgever betaalt een inleenvergoeding.', maxBedrag: null, maxDuurMaanden: null }),
      expect.objectContaining({ id: 'sw-am36-DIAG', soort: 'DIAGNOSE_WERKFIT', regioCode: 'AM36', gemeenteCode: null, maxBedrag: 1250, maxDuurMaanden: 4 }),
    ]);
  });

  it('hands a large export on in pages, with the issues on the first page', async () => {
    const kop = MEDEWERKERS_AM36.split('\r\n')[0] ?? '';
    const regels = Array.from({ length: FEED_PAGE_SIZE * 2 + 10 }, (_, i) => `P${String(i).padStart(7, '0')};${BSN.berg};J.;;Berg;14-03-1965;GM0193;WSW;01-09-2004;ja;32,0;;15-10-2026 09:30:00`);
    serve('sw-am01', 'medewerkers', 200, [kop, ...regels, 'P9999999;;X.;;Leeg;01-01-1980;GM0014;WSW;01-01-2010;nee;20,0;;01-10-2026 08:00:00'].join('\r\n'));
    const pages = await collect(source('sw-am01').kandidaten?.());
    expect(pages.map((p) => p.records.length)).toEqual([FEED_PAGE_SIZE, FEED_PAGE_SIZE, 10]);
    expect(pages.map((p) => p.issues.length)).toEqual([1, 0, 0]);
    expect(pages[0]?.issues[0]).toMatchObject({ record: 'P9999999', veld: 'bsn' });
  });

  it('throws a PartnerUnavailableError naming the SW-bedrijf when its export answers 503', async () => {
    serve('sw-am36', 'medewerkers', 503, 'Service Unavailable');
    const failure = collect(source('sw-am36').kandidaten?.());
    await expect(failure).rejects.toBeInstanceOf(PartnerUnavailableError);
    await expect(failure).rejects.toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36' });
  });
});
