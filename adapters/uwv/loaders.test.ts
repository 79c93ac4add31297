/** Warm-up and batch loaders of the UWV adapter against UWV's native SOAP/XML, served by nock. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { createUwvAdapter, type UwvAdapter } from './index.js';
import { TEST_BSN, elementWaarden, klantXml, opvraagAntwoord, vacatureXml, werkgeverXml, zoekAntwoord } from './native-fixtures.js';

const BASE = 'http://uwv.test';
const pseudonymize = createPseudonymizer('uwv-adapter-test-pseudoniemsleutel-32+');
const [BSN_A = '', BSN_B = '', BSN_C = ''] = TEST_BSN;
const [A, B, C] = [pseudonymize(BSN_A), pseudonymize(BSN_B), pseudonymize(BSN_C)];
const ONBEKEND = pseudonymize('100000009');
const TIMMERMAN = vacatureId('12345678', 'Timmerman', '8011AB');

const KLANTEN = [klantXml('U1', BSN_A), klantXml('U2', BSN_B, { Voorvoegsel: undefined }), klantXml('U3', BSN_C, { Geboortedat: '20251345' })];
const VACATURES = [vacatureXml('V1'), vacatureXml('V2', { Functienaam: 'Metselaar', DatPlaatsing: '20261399' })];

/** An adapter that has read UWV's lists (two `Zoek…` calls). */
async function warmAdapter(): Promise<UwvAdapter> {
  nock(BASE)
    .post('/suwi/KlantService', (body: string) => body.includes('<ZoekKlanten>'))
    .reply(200, zoekAntwoord('ZoekKlanten', KLANTEN.length, KLANTEN))
    .post('/suwi/VacatureService', (body: string) => body.includes('<ZoekVacatures>'))
    .reply(200, zoekAntwoord('ZoekVacatures', VACATURES.length, VACATURES));
  const adapter = createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: BASE }), pseudonymize });
  await adapter.warmUp();
  return adapter;
}

/** Records the keys of every `Opvragen…` request, so the test can count calls and see the batch. */
function opvragen(pad: string, operatie: string, sleutel: string, antwoord: string[], verzoeken: string[][]) {
  return nock(BASE)
    .post(pad, (body: string) => {
      if (!body.includes(`<${operatie}>`)) return false;
      verzoeken.push(elementWaarden(body, sleutel));
      return true;
    })
    .reply(200, opvraagAntwoord(operatie, antwoord));
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('UWV warm-up', () => {
  it('reads klanten and vacatures once and reports the malformed ones', async () => {
    nock(BASE)
      .post('/suwi/KlantService')
      .reply(200, zoekAntwoord('ZoekKlanten', KLANTEN.length, KLANTEN))
      .post('/suwi/VacatureService')
      .reply(200, zoekAntwoord('ZoekVacatures', VACATURES.length, VACATURES));
    const adapter = createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: BASE }), pseudonymize });

    const result = await adapter.warmUp();

    expect(result.records).toBe(3);
    expect(result.issues.map((i) => `${i.recordSoort} ${i.record} ${i.veld}`)).toEqual(['klant U3 Geboortedat', 'vacature V2 DatPlaatsing']);
    for (const bsn of TEST_BSN) expect(JSON.stringify(result)).not.toContain(bsn);
  });
});

describe('UWV klant loader', () => {
  it('resolves a batch of pseudonyms with ONE OpvragenKlanten call by Klantnr', async () => {
    const adapter = await warmAdapter();
    const verzoeken: string[][] = [];
    const scope = opvragen('/suwi/KlantService', 'OpvragenKlanten', 'Klantnr', [KLANTEN[0] ?? '', KLANTEN[1] ?? ''], verzoeken);
    const { klant } = adapter.createLoaders();

    const [a, b, onbekend] = await Promise.all([klant.load(A), klant.load(B), klant.load(ONBEKEND)]);

    expect(scope.isDone()).toBe(true);
    expect(verzoeken).toEqual([['U1', 'U2']]);
    expect(a).toEqual({
      id: A,
      voornamen: 'Jan Willem',
      voorvoegsel: 'van der',
      achternaam: 'Berg',
      geboortedatum: '1986-03-15',
      gemeenteCode: 'GM0193',
      uitkering: 'WW',
      doelgroepregister: false,
      beschutWerk: false,
      beroepscode: '7115',
      ingeschrevenSinds: '2025-01-02',
      competenties: ['24101', '24107'],
      werkDenkNiveau: 3,
      beschikbaarPer: '2026-12-01',
      bijgewerktOp: '2026-10-20T09:30:00.000Z',
    });
    expect(b).toMatchObject({ id: B, voorvoegsel: null });
    expect(onbekend).toBeNull();
  });

  it('resolves a malformed klant to a PartnerRecordError naming the Klantnr and field, not the BSN', async () => {
    const adapter = await warmAdapter();
    opvragen('/suwi/KlantService', 'OpvragenKlanten', 'Klantnr', [KLANTEN[2] ?? ''], []);
    const { klant } = adapter.createLoaders();

    const error = await klant.load(C).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartnerRecordError);
    expect((error as PartnerRecordError).issue).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv', recordSoort: 'klant', record: 'U3', veld: 'Geboortedat' });
    expect(JSON.stringify({ message: (error as Error).message, issue: (error as PartnerRecordError).issue })).not.toContain(BSN_C);
  });

  it('answers null for pseudonyms UWV does not know, without calling UWV', async () => {
    const adapter = await warmAdapter();
    const { klant } = adapter.createLoaders();

    // nock has no interceptor left: a call would fail as PartnerUnavailableError instead of null.
    await expect(klant.loadMany([ONBEKEND, 'kd_geen-uwv-klant'])).resolves.toEqual([null, null]);
  });

  it('never returns a record whose BSN belongs to someone else than the pseudonym asked for', async () => {
    const adapter = await warmAdapter();
    opvragen('/suwi/KlantService', 'OpvragenKlanten', 'Klantnr', [klantXml('U1', BSN_B)], []);
    const { klant } = adapter.createLoaders();

    await expect(klant.load(A)).resolves.toBeNull();
  });

  it('rejects the known keys with PartnerUnavailableError naming UWV when UWV answers 503', async () => {
    const adapter = await warmAdapter();
    nock(BASE).post('/suwi/KlantService').reply(503, 'Service Unavailable');
    const { klant } = adapter.createLoaders();

    const [a, onbekend] = await klant.loadMany([A, ONBEKEND]);

    expect(a).toBeInstanceOf(PartnerUnavailableError);
    expect(a).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv' });
    expect((a as Error).message).not.toContain(BSN_A);
    expect(onbekend).toBeNull();
  });
});

describe('UWV werkgever loader', () => {
  it('looks employers up directly by KvK number, a batch in ONE OpvragenWerkgevers call', async () => {
    const adapter = createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: BASE }), pseudonymize });
    const verzoeken: string[][] = [];
    const scope = opvragen('/suwi/WerkgeverService', 'OpvragenWerkgevers', 'KvKnr', [werkgeverXml('12345678'), werkgeverXml('87654321', { DatLaatsteContact: '2026-10-05' })], verzoeken);
    const { werkgever } = adapter.createLoaders();

    const [bekend, kapot, onbekend, geenKvk] = await werkgever.loadMany(['12345678', '87654321', '11111111', 'niet-een-kvk']);

    expect(scope.isDone()).toBe(true);
    expect(verzoeken).toEqual([['12345678', '87654321', '11111111']]);
    expect(bekend).toEqual({
      kvkNummer: '12345678',
      handelsnaam: 'Bakkerij De Korenschoof B.V.',
      gemeenteCode: 'GM0193',
      accountmanager: 'Petra Jansen',
      laatsteContact: '2026-10-05',
      aantalContactmomenten: 7,
      bijgewerktOp: '2026-10-06T12:00:00.000Z',
    });
    expect(kapot).toBeInstanceOf(PartnerRecordError);
    expect((kapot as PartnerRecordError).issue).toMatchObject({ recordSoort: 'werkgever', record: '87654321', veld: 'DatLaatsteContact' });
    expect(onbekend).toBeNull();
    expect(geenKvk).toBeNull();
  });
});

describe('UWV vacature loader', () => {
  it('resolves vacancy ids to werk.nl vacancies through the Vacaturenr learned at warm-up', async () => {
    const adapter = await warmAdapter();
    const verzoeken: string[][] = [];
    opvragen('/suwi/VacatureService', 'OpvragenVacatures', 'Vacaturenr', [VACATURES[0] ?? '', VACATURES[1] ?? ''], verzoeken);
    const { vacature } = adapter.createLoaders();

    const [timmerman, metselaar] = await vacature.loadMany([TIMMERMAN, vacatureId('12345678', 'Metselaar', '8011AB')]);

    expect(verzoeken).toEqual([['V1', 'V2']]);
    expect(timmerman).toMatchObject({ id: TIMMERMAN, vacaturenummer: 'V1', omschrijving: 'Bouwbedrijf zoekt een timmerman voor 36 uur per week.', urenPerWeek: 36, geplaatstOp: '2026-10-15' });
    expect(metselaar).toBeInstanceOf(PartnerRecordError);
    expect((metselaar as PartnerRecordError).issue).toMatchObject({ recordSoort: 'vacature', record: 'V2', veld: 'DatPlaatsing' });
  });
});
