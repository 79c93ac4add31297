/**
 * Contract test of the werkgeversvereniging adapter's contact delivery against the associations'
 * JSON:API, served by nock: a create document with the key as `Idempotency-Key`, 201/200 read,
 * failures named.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { testLevering } from '../kit/test-levering.js';
import { createWerkgeversverenigingAdapter } from './index.js';

const WV = 'http://wv.test';
const PAD = '/jsonapi/contactmomenten';
const JSONAPI = { 'content-type': 'application/vnd.api+json' };
const adapter = () => createWerkgeversverenigingAdapter({ bronnen: loadBronnen({ WERKGEVERSVERENIGING_BRON_URL: WV }), timeoutMs: 2_000 });
const document = (id: string) => ({ jsonapi: { version: '1.1' }, data: { type: 'contactmomenten', id, attributes: { kvkNummer: '12345678' } } });

async function failure(promise: Promise<unknown>): Promise<PartnerUnavailableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnerUnavailableError);
  return error as PartnerUnavailableError;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('werkgeversvereniging contact delivery', () => {
  it('posts a JSON:API create document with the key as Idempotency-Key, and reads the 201', async () => {
    const verzoeken: { body: unknown; headers: Record<string, unknown> }[] = [];
    nock(WV)
      .post(PAD)
      .reply(function (_uri, body) {
        verzoeken.push({ body: typeof body === 'string' ? (JSON.parse(body) as unknown) : body, headers: this.req.headers });
        return [201, document('cm-000009'), JSONAPI];
      });

    await expect(adapter().leverContact('wv', testLevering({ kanaal: 'MAIL', status: 'GEDAAN', organisatie: 'wv' }))).resolves.toEqual({ partnerReferentie: 'cm-000009', alBekend: false });

    const [verzoek] = verzoeken;
    expect(verzoek?.headers).toMatchObject({ 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json', 'idempotency-key': 'cm-7f3a9c2e-0001' });
    expect(verzoek?.body).toEqual({
      data: {
        type: 'contactmomenten',
        attributes: {
          kvkNummer: '12345678',
          datum: '2026-11-24',
          kanaal: 'mail',
          status: 'gedaan',
          medewerker: 'Petra de Vries',
          onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
          vestigingsgemeente: 'GM0193',
          arbeidsmarktregio: 'AM36',
          organisatie: 'wv',
        },
      },
    });
  });

  it('reads a 200 (the key was used before) as alBekend', async () => {
    nock(WV).post(PAD).matchHeader('idempotency-key', 'cm-7f3a9c2e-0001').reply(200, document('cm-000009'), JSONAPI);
    await expect(adapter().leverContact('wv', testLevering())).resolves.toEqual({ partnerReferentie: 'cm-000009', alBekend: true });
  });

  it('fails retryably, naming the associations, when they keep answering 503', async () => {
    nock(WV).post(PAD).times(2).reply(503, { errors: [{ status: '503' }] }, JSONAPI);
    expect(await failure(adapter().leverContact('wv', testLevering()))).toMatchObject({ bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv', categorie: 'HTTP_FOUT', retryable: true });
  });

  it('does not retry a contact they refused (400 errors document)', async () => {
    nock(WV).post(PAD).reply(400, { errors: [{ status: '400', source: { pointer: '/data/attributes/kanaal' } }] }, JSONAPI);
    expect(await failure(adapter().leverContact('wv', testLevering()))).toMatchObject({ bron: 'WERKGEVERSVERENIGING', categorie: 'HTTP_FOUT', retryable: false });
  });

  it('calls a 200 it cannot read ONGELDIG_ANTWOORD', async () => {
    nock(WV)
      .post(PAD)
      .reply(200, '\u0000\u00ff<<geen json')
      .post(PAD)
      .reply(201, { jsonapi: { version: '1.1' }, data: [] }, JSONAPI)
      .post(PAD)
      .reply(201, { data: { type: 'werkgevers', id: '12345678' } }, JSONAPI);
    const wv = adapter();
    for (let i = 0; i < 3; i++) {
      expect(await failure(wv.leverContact('wv', testLevering()))).toMatchObject({ bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv', categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    }
  });

  it('sends nothing to an unknown source system', async () => {
    expect(await failure(adapter().leverContact('wv-elders', testLevering()))).toMatchObject({ bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv-elders', categorie: 'NIET_GECONFIGUREERD' });
  });
});
