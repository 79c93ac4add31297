/**
 * Contract test of the SW-bedrijf adapter's contact delivery, served by nock: a one-row Excel-style
 * import file (BOM, `;`, CRLF, `dd-mm-jjjj`, the key in `importsleutel`) posted to the company's
 * import, its CSV receipt read, and failures named by company.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { testLevering } from '../kit/test-levering.js';
import { createSwBedrijfAdapter } from './index.js';

const BASE = 'http://sw.test';
const IMPORT = '/bedrijven/sw-am36/import/contactmomenten.csv';
const adapter = () => createSwBedrijfAdapter({ bronnen: loadBronnen({ SW_BEDRIJF_BRON_URL: BASE }), pseudonymize: createPseudonymizer('sw-levering-test-pseudoniemsleutel-32+'), timeoutMs: 2_000 });
const bewijs = (resultaat: string, sleutel = 'cm-7f3a9c2e-0001') => `\ufeffregel;importsleutel;referentie;resultaat\r\n2;${sleutel};sw-am36-cm-00012;${resultaat}\r\n`;

async function failure(promise: Promise<unknown>): Promise<PartnerUnavailableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnerUnavailableError);
  return error as PartnerUnavailableError;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('SW-bedrijf contact delivery', () => {
  it("posts one Excel-style row to the company's import and reads the receipt", async () => {
    const verzoeken: { body: string; contentType: unknown }[] = [];
    nock(BASE)
      .post(IMPORT)
      .reply(function (_uri, body) {
        verzoeken.push({ body: String(body), contentType: this.req.headers['content-type'] });
        return [200, bewijs('nieuw'), { 'content-type': 'text/csv; charset=utf-8' }];
      });

    await expect(adapter().leverContact('sw-am36', testLevering({ status: 'GEDAAN', organisatie: 'sw-am36' }))).resolves.toEqual({ partnerReferentie: 'sw-am36-cm-00012', alBekend: false });

    expect(verzoeken).toEqual([
      {
        contentType: 'text/csv; charset=utf-8',
        body:
          '\ufeffimportsleutel;kvk_nummer;datum_contact;contactvorm;status;accountmanager;onderwerp;gemeentecode;regio;organisatie\r\n' +
          'cm-7f3a9c2e-0001;12345678;24-11-2026;bezoek;uitgevoerd;Petra de Vries;"Kennismaking & plaatsing ""BBL""; 2 kandidaten";GM0193;AM36;sw-am36\r\n',
      },
    ]);
  });

  it('reads "al ontvangen" in the receipt as alBekend', async () => {
    nock(BASE).post(IMPORT).reply(200, bewijs('al ontvangen'));
    await expect(adapter().leverContact('sw-am36', testLevering())).resolves.toEqual({ partnerReferentie: 'sw-am36-cm-00012', alBekend: true });
  });

  it('fails retryably, naming the company, when the import answers 503', async () => {
    nock(BASE).post(IMPORT).times(2).reply(503, 'Service Unavailable');
    expect(await failure(adapter().leverContact('sw-am36', testLevering()))).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', categorie: 'HTTP_FOUT', retryable: true });
  });

  it('does not retry an import the company refused (400 with its error list)', async () => {
    nock(BASE).post(IMPORT).reply(400, 'regel;veld;melding\n2;datum_contact;is geen bestaande datum (dd-mm-jjjj)\n');
    expect(await failure(adapter().leverContact('sw-am36', testLevering()))).toMatchObject({ bronSysteem: 'sw-am36', categorie: 'HTTP_FOUT', retryable: false });
  });

  it('calls an unreadable receipt, or one without the contact, ONGELDIG_ANTWOORD', async () => {
    nock(BASE).post(IMPORT).reply(200, '<html>Storing</html>').post(IMPORT).reply(200, bewijs('nieuw', 'een-ander-contact'));
    const sw = adapter();
    expect(await failure(sw.leverContact('sw-am36', testLevering()))).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    expect(await failure(sw.leverContact('sw-am36', testLevering()))).toMatchObject({ categorie: 'ONGELDIG_ANTWOORD' });
  });

  it('sends nothing to a company that is not configured', async () => {
    expect(await failure(adapter().leverContact('sw-am99', testLevering()))).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am99', categorie: 'NIET_GECONFIGUREERD', retryable: false });
  });
});
