/**
 * Contract test of the gemeente adapter's contact delivery, served by nock: a JSON system gets the
 * snake_case body with the key as `Idempotency-Key`, a CSV system a one-row import file with the key
 * in a column; the answers (201/200, the CSV receipt) are read, and failures name the system.
 */
import { parse } from 'csv-parse/sync';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { testLevering } from '../kit/test-levering.js';
import { createGemeenteAdapter } from './index.js';
import { BASE, testBronnen } from './test-bronnen.js';

const API = '/systemen/gm-test-a/api/v1/werkgevers/12345678/contactmomenten';
const IMPORT = '/imports/gm-test-csv/contactmomenten.csv';
const adapter = (bronnen = testBronnen()) => createGemeenteAdapter({ bronnen, pseudonymize: createPseudonymizer('gemeente-levering-test-sleutel-32+'), timeoutMs: 2_000 });

interface Verzoek {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const KOLOMMEN = 'idempotentie_sleutel;kvk_nummer;contact_datum;kanaal;status;medewerker;onderwerp;gemeentecode;arbeidsmarktregio;geregistreerd_door';
const bewijs = (resultaat: string, sleutel = 'cm-7f3a9c2e-0001') => `regel;idempotentie_sleutel;referentie;resultaat\n2;${sleutel};CM-000007;${resultaat}\n`;

async function failure(promise: Promise<unknown>): Promise<PartnerUnavailableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnerUnavailableError);
  return error as PartnerUnavailableError;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('gemeente contact delivery to a JSON system', () => {
  it('posts the snake_case contact under the employer with the key as Idempotency-Key, and reads the 201', async () => {
    const verzoeken: Verzoek[] = [];
    nock(BASE)
      .post(API)
      .reply(function (_uri, body) {
        verzoeken.push({ body: JSON.stringify(body), headers: this.req.headers });
        return [201, { id: 'CM-000031', kvk_nummer: '12345678' }, { 'content-type': 'application/json' }];
      });

    await expect(adapter().leverContact('gm-test-a', testLevering({ kanaal: 'MAIL', status: 'GEDAAN' }))).resolves.toEqual({ partnerReferentie: 'CM-000031', alBekend: false });

    const [verzoek] = verzoeken;
    expect(verzoek?.headers['idempotency-key']).toBe('cm-7f3a9c2e-0001');
    expect(verzoek?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(verzoek?.body ?? '{}')).toEqual({
      contact_datum: '2026-11-24',
      kanaal: 'e-mail',
      status: 'afgerond',
      medewerker: 'Petra de Vries',
      onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
      gemeentecode: 'GM0193',
      arbeidsmarktregio: 'AM36',
      geregistreerd_door: 'GM0193',
    });
  });

  it('reads a 200 (the key was used before) as alBekend', async () => {
    nock(BASE).post(API).matchHeader('idempotency-key', 'cm-7f3a9c2e-0001').reply(200, { id: 'CM-000031' });
    await expect(adapter().leverContact('gm-test-a', testLevering())).resolves.toEqual({ partnerReferentie: 'CM-000031', alBekend: true });
  });

  it('fails retryably, naming the system, when it keeps answering 503', async () => {
    nock(BASE).post(API).times(2).reply(503, { title: 'Service Unavailable' });
    expect(await failure(adapter().leverContact('gm-test-a', testLevering()))).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a', categorie: 'HTTP_FOUT', retryable: true });
  });

  it('does not retry a contact the system refused (400)', async () => {
    const scope = nock(BASE).post(API).reply(400, { status: 400, invalidParams: [{ name: 'kanaal' }] }, { 'content-type': 'application/problem+json' });
    expect(await failure(adapter().leverContact('gm-test-a', testLevering()))).toMatchObject({ bronSysteem: 'gm-test-a', categorie: 'HTTP_FOUT', retryable: false });
    expect(scope.isDone()).toBe(true);
  });

  it('calls a 200 it cannot read ONGELDIG_ANTWOORD', async () => {
    nock(BASE).post(API).reply(200, '<html>Onderhoud</html>').post(API).reply(201, { kvk_nummer: '12345678' });
    const gemeente = adapter();
    expect(await failure(gemeente.leverContact('gm-test-a', testLevering()))).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-a', categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    const zonderId = await failure(gemeente.leverContact('gm-test-a', testLevering()));
    expect(zonderId).toMatchObject({ categorie: 'ONGELDIG_ANTWOORD' });
    expect(zonderId.detail).toContain('id');
  });
});

describe('gemeente contact delivery to a CSV system', () => {
  it('posts a one-row import file (;, dd-mm-jjjj, key in a column) and reads the receipt', async () => {
    const verzoeken: Verzoek[] = [];
    nock(BASE)
      .post(IMPORT)
      .reply(function (_uri, body) {
        verzoeken.push({ body: String(body), headers: this.req.headers });
        return [200, bewijs('nieuw'), { 'content-type': 'text/csv; charset=utf-8' }];
      });

    await expect(adapter().leverContact('gm-test-csv', testLevering({ kanaal: 'TELEFOON' }))).resolves.toEqual({ partnerReferentie: 'CM-000007', alBekend: false });

    const [verzoek] = verzoeken;
    expect(verzoek?.headers['content-type']).toBe('text/csv; charset=utf-8');
    const tekst = verzoek?.body ?? '';
    expect(tekst.split('\r\n')[0]).toBe(`\ufeff${KOLOMMEN}`);
    expect(parse(tekst, { delimiter: ';', bom: true, columns: true })).toEqual([
      {
        idempotentie_sleutel: 'cm-7f3a9c2e-0001',
        kvk_nummer: '12345678',
        contact_datum: '24-11-2026',
        kanaal: 'telefoon',
        status: 'gepland',
        medewerker: 'Petra de Vries',
        onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
        gemeentecode: 'GM0193',
        arbeidsmarktregio: 'AM36',
        geregistreerd_door: 'GM0193',
      },
    ]);
  });

  it('reads "al ontvangen" in the receipt as alBekend', async () => {
    nock(BASE).post(IMPORT).reply(200, bewijs('al ontvangen'));
    await expect(adapter().leverContact('gm-test-csv', testLevering())).resolves.toEqual({ partnerReferentie: 'CM-000007', alBekend: true });
  });

  it('fails retryably, naming the system, when the import answers 503', async () => {
    nock(BASE).post(IMPORT).times(2).reply(503);
    expect(await failure(adapter().leverContact('gm-test-csv', testLevering()))).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-csv', categorie: 'HTTP_FOUT', retryable: true });
  });

  it('calls a receipt it cannot read, or one without the contact, ONGELDIG_ANTWOORD', async () => {
    nock(BASE).post(IMPORT).reply(200, '\u0000\u00ff<<geen csv').post(IMPORT).reply(200, bewijs('nieuw', 'een-ander-contact')).post(IMPORT).reply(200, bewijs('misschien'));
    const gemeente = adapter();
    for (let i = 0; i < 3; i++) {
      expect(await failure(gemeente.leverContact('gm-test-csv', testLevering()))).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-test-csv', categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    }
  });

  it('knows no import for a CSV system whose url is not …/exports/<id>', async () => {
    const bronnen = testBronnen();
    bronnen.gemeente = bronnen.gemeente.map((b) => (b.id === 'gm-test-csv' ? { ...b, url: `${BASE}/ergens/anders` } : b));
    expect(await failure(adapter(bronnen).leverContact('gm-test-csv', testLevering()))).toMatchObject({ bronSysteem: 'gm-test-csv', categorie: 'NIET_GECONFIGUREERD' });
  });
});

it('sends nothing to a gemeente system that is not configured', async () => {
  expect(await failure(adapter().leverContact('gm-onbekend', testLevering()))).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-onbekend', categorie: 'NIET_GECONFIGUREERD', retryable: false });
});
