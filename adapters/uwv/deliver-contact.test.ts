/**
 * Contract test of the UWV adapter's contact delivery against UWV's native SOAP, served by nock: the
 * `RegistreerContactmoment` envelope as UWV expects it, the key carried, UWV's answer read, and every
 * way the delivery can fail named by partner, source system and category.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { testLevering } from '../kit/test-levering.js';
import { createUwvAdapter } from './index.js';
import { elementWaarden, envelope } from './native-fixtures.js';

const BASE = 'http://uwv.test';
const PAD = '/suwi/contactmoment/WerkgeverContactmomentService';
const adapter = () => createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: BASE }), pseudonymize: createPseudonymizer('uwv-levering-test-pseudoniemsleutel-32+'), timeoutMs: 2_000 });

const antwoord = (nr: string, alGeregistreerd: 'J' | 'N') =>
  envelope(`<RegistreerContactmomentResponse><Contactmomentnr>${nr}</Contactmomentnr><IndAlGeregistreerd>${alGeregistreerd}</IndAlGeregistreerd></RegistreerContactmomentResponse>`);
const fault = (code: 'Client' | 'Server', tekst: string) => envelope(`<soapenv:Fault><faultcode>soapenv:${code}</faultcode><faultstring>${tekst}</faultstring></soapenv:Fault>`);

async function failure(promise: Promise<unknown>): Promise<PartnerUnavailableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnerUnavailableError);
  return error as PartnerUnavailableError;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('UWV contact delivery', () => {
  it('sends RegistreerContactmoment with Suwinet elements and the key, and reads the contact number', async () => {
    const verzoeken: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];
    const scope = nock(BASE)
      .post(PAD)
      .reply(function (_uri, body) {
        verzoeken.push({ body: String(body), headers: this.req.headers });
        return [200, antwoord('CM0000000042', 'N'), { 'content-type': 'text/xml; charset=utf-8' }];
      });

    const resultaat = await adapter().leverContact('uwv', testLevering({ kanaal: 'TELEFOON', status: 'GEDAAN' }));

    expect(resultaat).toEqual({ partnerReferentie: 'CM0000000042', alBekend: false });
    expect(scope.isDone()).toBe(true);
    const [verzoek] = verzoeken;
    expect(verzoek?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(verzoek?.headers.soapaction).toBe('RegistreerContactmoment');
    const body = verzoek?.body ?? '';
    expect(body).toContain('<soapenv:Body><RegistreerContactmoment><IdempotentieSleutel>cm-7f3a9c2e-0001</IdempotentieSleutel>');
    const waarde = (naam: string) => elementWaarden(body, naam);
    expect(waarde('KvKnr')).toEqual(['12345678']);
    expect(waarde('Gemeentecode')).toEqual(['0193']);
    expect(waarde('Arbeidsmarktregio')).toEqual(['AM36']);
    expect(waarde('DatContact')).toEqual(['20261124']);
    expect(waarde('CdKanaal')).toEqual(['T']);
    expect(waarde('CdStatus')).toEqual(['U']);
    expect(waarde('NaamMedewerker')).toEqual(['Petra de Vries']);
    expect(waarde('Onderwerp')).toEqual(['Kennismaking &amp; plaatsing &quot;BBL&quot;; 2 kandidaten']);
    expect(waarde('Organisatie')).toEqual(['GM0193']);
  });

  it('maps every kanaal and status to UWV codes', async () => {
    const codes: [string, string][] = [];
    nock(BASE)
      .post(PAD)
      .times(2)
      .reply(200, (_uri, body) => {
        codes.push([elementWaarden(String(body), 'CdKanaal')[0] ?? '', elementWaarden(String(body), 'CdStatus')[0] ?? '']);
        return antwoord('CM0000000001', 'N');
      });
    const uwv = adapter();
    await uwv.leverContact('uwv', testLevering({ kanaal: 'BEZOEK', status: 'GEPLAND' }));
    await uwv.leverContact('uwv', testLevering({ kanaal: 'MAIL', status: 'GEDAAN' }));
    expect(codes).toEqual([
      ['B', 'G'],
      ['E', 'U'],
    ]);
  });

  it('reports a contact UWV already had (IndAlGeregistreerd J) as alBekend with the first number', async () => {
    nock(BASE).post(PAD).reply(200, antwoord('CM0000000007', 'J'));
    await expect(adapter().leverContact('uwv', testLevering())).resolves.toEqual({ partnerReferentie: 'CM0000000007', alBekend: true });
  });

  it('retries a 503 once with the same key, and delivers when the second try succeeds', async () => {
    const sleutels: string[] = [];
    const bewaar = (body: unknown) => sleutels.push(...elementWaarden(String(body), 'IdempotentieSleutel'));
    nock(BASE)
      .post(PAD)
      .reply(503, (_uri, body) => (bewaar(body), 'Service Unavailable'))
      .post(PAD)
      .reply(200, (_uri, body) => (bewaar(body), antwoord('CM0000000043', 'N')));
    await expect(adapter().leverContact('uwv', testLevering())).resolves.toEqual({ partnerReferentie: 'CM0000000043', alBekend: false });
    expect(sleutels).toEqual(['cm-7f3a9c2e-0001', 'cm-7f3a9c2e-0001']);
  });

  it('fails retryably, naming UWV and its source system, when UWV keeps answering 503', async () => {
    nock(BASE).post(PAD).times(2).reply(503, 'Service Unavailable');
    const error = await failure(adapter().leverContact('uwv', testLevering()));
    expect(error).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv', categorie: 'HTTP_FOUT', retryable: true });
    expect(error.message).toBe('UWV (uwv): the partner system answered with an error (HTTP 503)');
  });

  it('calls an answer it cannot read ONGELDIG_ANTWOORD, not retryable', async () => {
    nock(BASE)
      .post(PAD)
      .reply(200, 'geen xml <<')
      .post(PAD)
      .reply(200, envelope('<RegistreerContactmomentResponse><IndAlGeregistreerd>N</IndAlGeregistreerd></RegistreerContactmomentResponse>'));
    const uwv = adapter();
    expect(await failure(uwv.leverContact('uwv', testLevering()))).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv', categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    const zonderNummer = await failure(uwv.leverContact('uwv', testLevering()));
    expect(zonderNummer).toMatchObject({ categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    expect(zonderNummer.detail).toContain('Contactmomentnr');
  });

  it('does not retry a contact UWV refused (Client Fault), but does a Server Fault', async () => {
    nock(BASE).post(PAD).reply(500, fault('Client', 'DatContact is geen bestaande datum (JJJJMMDD)')).post(PAD).reply(500, fault('Server', 'Suwinet tijdelijk niet beschikbaar'));
    const uwv = adapter();
    const geweigerd = await failure(uwv.leverContact('uwv', testLevering()));
    expect(geweigerd).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv', categorie: 'FOUT', retryable: false });
    expect(geweigerd.detail).toContain('DatContact');
    expect(await failure(uwv.leverContact('uwv', testLevering()))).toMatchObject({ categorie: 'HTTP_FOUT', retryable: true });
  });

  it('sends nothing for an unknown source system or an invalid contact', async () => {
    const uwv = adapter();
    expect(await failure(uwv.leverContact('uwv-elders', testLevering()))).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv-elders', categorie: 'NIET_GECONFIGUREERD', retryable: false });
    const ongeldig = await failure(uwv.leverContact('uwv', testLevering({ kvkNummer: '1234' })));
    expect(ongeldig).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv', categorie: 'FOUT', retryable: false });
    expect(ongeldig.detail).toContain('kvkNummer');
    expect(ongeldig.detail).not.toContain('1234');
  });
});
