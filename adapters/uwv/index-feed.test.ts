/** The UWV index feed against UWV's native SOAP/XML, served by nock. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import type { FeedPage, FeedSource } from '../kit/feed.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { createUwvAdapter } from './index.js';
import { TEST_BSN, elementWaarden, instrumentXml, klantXml, soapFaultXml, vacatureXml, werkgeverXml, zoekAntwoord } from './native-fixtures.js';

const BASE = 'http://uwv.test';
const pseudonymize = createPseudonymizer('uwv-adapter-test-pseudoniemsleutel-32+');
const vandaag = () => new Date('2026-11-01T00:00:00.000Z');

function source(): FeedSource {
  const [uwv] = createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: BASE }), pseudonymize, vandaag }).feed.sources;
  if (!uwv) throw new Error('UWV feed has no source');
  return uwv;
}

async function collect<T>(pages: AsyncIterable<FeedPage<T>> | undefined): Promise<FeedPage<T>[]> {
  const all: FeedPage<T>[] = [];
  for await (const page of pages ?? []) all.push(page);
  return all;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('UWV index feed', () => {
  it('is one national source system', () => {
    const feed = createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: BASE }), pseudonymize }).feed;
    expect(feed.bron).toBe('UWV');
    expect(feed.sources.map((s) => s.bronSysteem)).toEqual(['uwv']);
  });

  it('turns a page of klanten into pseudonymous index records with doelgroepen from UWV data', async () => {
    const [bsnA, bsnB, bsnC] = TEST_BSN;
    nock(BASE)
      .post('/suwi/KlantService', (body: string) => body.includes('<ZoekKlanten>'))
      .reply(
        200,
        zoekAntwoord('ZoekKlanten', 3, [
          klantXml('U1', bsnA),
          klantXml('U2', bsnB, { Geboortedat: '19700101', Uitkering: '<SrtUitkering>WAJONG</SrtUitkering>', IndDoelgroepregister: 'J', IndBeschutWerk: 'J' }),
          klantXml('U3', bsnC, { Uitkering: undefined, Competenties: '', WerkDenkniveau: undefined, DatBeschikbaar: undefined }),
        ]),
        { 'content-type': 'text/xml' },
      );

    const pages = await collect(source().kandidaten?.());

    expect(pages).toHaveLength(1);
    expect(pages[0]?.issues).toEqual([]);
    expect(pages[0]?.records).toEqual([
      {
        id: pseudonymize(bsnA),
        bron: 'UWV',
        gemeenteCode: 'GM0193',
        doelgroepen: ['WW'],
        competenties: ['24101', '24107'],
        werkDenkNiveau: 3,
        beschikbaarPer: '2026-12-01',
        bijgewerktOp: '2026-10-20T09:30:00.000Z',
      },
      expect.objectContaining({ id: pseudonymize(bsnB), doelgroepen: ['WAJONG', 'BANENAFSPRAAK', 'BESCHUT_WERK', 'VIJFTIG_PLUS'] }),
      expect.objectContaining({ id: pseudonymize(bsnC), doelgroepen: [], competenties: [], werkDenkNiveau: null, beschikbaarPer: null }),
    ]);
    const text = JSON.stringify(pages);
    for (const bsn of TEST_BSN) expect(text).not.toContain(bsn);
  });

  it('leaves malformed klanten out with an issue naming UWV, the Klantnr and the field, never the BSN', async () => {
    const [bsnA, bsnB, bsnC] = TEST_BSN;
    const badBsn = '111222334';
    nock(BASE)
      .post('/suwi/KlantService')
      .reply(
        200,
        zoekAntwoord('ZoekKlanten', 4, [
          klantXml('U1', bsnA),
          klantXml('U2', bsnB, { Geboortedat: '20251345' }),
          klantXml('U3', badBsn),
          klantXml('U4', bsnC),
        ]),
      );

    const [page] = await collect(source().kandidaten?.());

    expect(page?.records.map((r) => r.id)).toEqual([pseudonymize(bsnA), pseudonymize(bsnC)]);
    expect(page?.issues).toEqual([
      { bron: 'UWV', bronSysteem: 'uwv', recordSoort: 'klant', record: 'U2', veld: 'Geboortedat', melding: 'not a real date in format JJJJMMDD' },
      { bron: 'UWV', bronSysteem: 'uwv', recordSoort: 'klant', record: 'U3', veld: 'Burgerservicenr', melding: expect.any(String) },
    ]);
    expect(JSON.stringify(page?.issues)).not.toContain(badBsn);
  });

  it('reads every page of 500 until AantalTotaal is reached', async () => {
    const [bsn = ''] = TEST_BSN;
    const gevraagd: string[] = [];
    const eerste = Array.from({ length: 500 }, (_, i) => klantXml(`U${i}`, bsn));
    const vraag = (pagina: string) => (body: string) => {
      const gevraagdePagina = `${elementWaarden(body, 'Pagina').join()}/${elementWaarden(body, 'PaginaGrootte').join()}`;
      if (!gevraagdePagina.startsWith(`${pagina}/`)) return false;
      gevraagd.push(gevraagdePagina);
      return true;
    };
    nock(BASE)
      .post('/suwi/KlantService', vraag('1'))
      .reply(200, zoekAntwoord('ZoekKlanten', 501, eerste))
      .post('/suwi/KlantService', vraag('2'))
      .reply(200, zoekAntwoord('ZoekKlanten', 501, [klantXml('U500', bsn)]));

    const pages = await collect(source().kandidaten?.());

    expect(gevraagd).toEqual(['1/500', '2/500']);
    expect(pages.map((p) => p.records.length)).toEqual([500, 1]);
  });

  it('maps werkgevers, werk.nl vacatures and instrumenten to index records', async () => {
    nock(BASE)
      .post('/suwi/WerkgeverService')
      .reply(200, zoekAntwoord('ZoekWerkgevers', 1, [werkgeverXml('12345678')]))
      .post('/suwi/VacatureService')
      .reply(200, zoekAntwoord('ZoekVacatures', 1, [vacatureXml('V1')]))
      .post('/suwi/InstrumentService')
      .reply(200, zoekAntwoord('ZoekInstrumenten', 2, [instrumentXml('UWV-NRP'), instrumentXml('UWV-LD', { SrtInstrument: 'LOONDISPENSATIE', MaxBedrag: '2500', DatTijdWijziging: '20261301080000' })]));
    const uwv = source();

    const [werkgevers] = await collect(uwv.werkgevers?.());
    const [vacatures] = await collect(uwv.vacatures?.());
    const [instrumenten] = await collect(uwv.instrumenten?.());

    expect(werkgevers?.records).toEqual([{ kvkNummer: '12345678', bron: 'UWV', naam: 'Bakkerij De Korenschoof B.V.', gemeenteCode: 'GM0193', bijgewerktOp: '2026-10-06T12:00:00.000Z' }]);
    expect(vacatures?.records).toEqual([
      {
        id: vacatureId('12345678', 'Timmerman', '8011AB'),
        bron: 'UWV',
        soort: 'BAAN',
        titel: 'Timmerman',
        kvkNummer: '12345678',
        gemeenteCode: 'GM0193',
        postcode: '8011AB',
        beroepscode: '7115',
        werkDenkNiveau: 3,
        urenPerWeek: 36,
        doelgroepen: ['BANENAFSPRAAK'],
        geplaatstOp: '2026-10-15',
        bijgewerktOp: '2026-10-16T08:00:00.000Z',
      },
    ]);
    expect(instrumenten?.records).toEqual([
      {
        id: 'UWV-NRP',
        bron: 'UWV',
        naam: 'No-riskpolis',
        soort: 'NO_RISKPOLIS',
        gemeenteCode: null,
        regioCode: null,
        doelgroepen: ['BANENAFSPRAAK', 'WAJONG'],
        voorwaarden: 'Ziektewet-uitkering bij uitval in de eerste 5 jaar.',
        maxBedrag: null,
        maxDuurMaanden: 60,
        bijgewerktOp: '2026-10-01T08:00:00.000Z',
      },
    ]);
    expect(instrumenten?.issues).toEqual([expect.objectContaining({ recordSoort: 'instrument', record: 'UWV-LD', veld: 'DatTijdWijziging' })]);
  });

  it('reports UWV answering 503 as PartnerUnavailableError naming UWV', async () => {
    nock(BASE).post('/suwi/KlantService').reply(503, 'Service Unavailable');

    const error = await collect(source().kandidaten?.()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv' });
  });

  it("reports a SOAP Fault as PartnerUnavailableError, UWV's fault text only in the detail for the log", async () => {
    nock(BASE).post('/suwi/VacatureService').reply(500, soapFaultXml('Suwinet tijdelijk niet beschikbaar'), { 'content-type': 'text/xml' });

    const error = await collect(source().vacatures?.()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ categorie: 'HTTP_FOUT', message: 'UWV (uwv): the partner system answered with an error' });
    expect((error as PartnerUnavailableError).detail).toContain('Suwinet tijdelijk niet beschikbaar');
  });

  it('reports an answer that is not a SOAP envelope as PartnerUnavailableError', async () => {
    nock(BASE).post('/suwi/WerkgeverService').reply(200, '<html><body>Inloggen</body></html>');

    await expect(collect(source().werkgevers?.())).rejects.toBeInstanceOf(PartnerUnavailableError);
  });
});
