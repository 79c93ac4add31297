/**
 * Contract test of the onderwijs adapter's contact delivery against SBB's native JSON, served by nock:
 * the camelCase body in SBB's codes, the key as `Idempotency-Key`, 201/200 read, failures named.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { testLevering } from '../kit/test-levering.js';
import { createOnderwijsAdapter } from './index.js';

const SBB = 'http://sbb.test';
const PAD = '/api/v1/contactmomenten';
const adapter = () => createOnderwijsAdapter({ bronnen: loadBronnen({ ONDERWIJS_BRON_URL: SBB }), pseudonymize: createPseudonymizer('sbb-levering-test-pseudoniemsleutel-32+'), timeoutMs: 2_000 });

async function failure(promise: Promise<unknown>): Promise<PartnerUnavailableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnerUnavailableError);
  return error as PartnerUnavailableError;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('SBB contact delivery', () => {
  it('posts the camelCase contact in SBB codes with the key as Idempotency-Key, and reads the 201', async () => {
    const verzoeken: { body: unknown; headers: Record<string, unknown> }[] = [];
    nock(SBB)
      .post(PAD)
      .reply(function (_uri, body) {
        verzoeken.push({ body, headers: this.req.headers });
        return [201, { id: 'sbb-cm-000014', kvkNummer: '12345678' }, { 'content-type': 'application/json' }];
      });

    await expect(adapter().leverContact('sbb', testLevering({ kanaal: 'MAIL', status: 'GEDAAN', organisatie: 'SBB' }))).resolves.toEqual({ partnerReferentie: 'sbb-cm-000014', alBekend: false });

    const [verzoek] = verzoeken;
    expect(verzoek?.headers).toMatchObject({ 'idempotency-key': 'cm-7f3a9c2e-0001', 'content-type': 'application/json' });
    expect(verzoek?.body).toEqual({
      kvkNummer: '12345678',
      datum: '2026-11-24',
      kanaal: 'EMAIL',
      status: 'UITGEVOERD',
      medewerker: 'Petra de Vries',
      onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
      gemeente: 'GM0193',
      arbeidsmarktregio: 'AM36',
      organisatie: 'SBB',
    });
  });

  it('reads a 200 (the key was used before) as alBekend', async () => {
    nock(SBB).post(PAD).matchHeader('idempotency-key', 'cm-7f3a9c2e-0001').reply(200, { id: 'sbb-cm-000014' });
    await expect(adapter().leverContact('sbb', testLevering())).resolves.toEqual({ partnerReferentie: 'sbb-cm-000014', alBekend: true });
  });

  it('fails retryably, naming SBB, when it keeps answering 503', async () => {
    nock(SBB).post(PAD).times(2).reply(503, { status: 503 });
    expect(await failure(adapter().leverContact('sbb', testLevering()))).toMatchObject({ bron: 'ONDERWIJS', bronSysteem: 'sbb', categorie: 'HTTP_FOUT', retryable: true });
  });

  it('does not retry a contact SBB refused (400)', async () => {
    nock(SBB).post(PAD).reply(400, { status: 400, invalidParams: [{ name: 'kanaal' }] });
    expect(await failure(adapter().leverContact('sbb', testLevering()))).toMatchObject({ bron: 'ONDERWIJS', categorie: 'HTTP_FOUT', retryable: false });
  });

  it('calls a 200 it cannot read ONGELDIG_ANTWOORD', async () => {
    nock(SBB).post(PAD).reply(200, 'Service tijdelijk onbereikbaar').post(PAD).reply(201, { items: [], nextCursor: null }).post(PAD).reply(204);
    const sbb = adapter();
    for (let i = 0; i < 3; i++) {
      expect(await failure(sbb.leverContact('sbb', testLevering()))).toMatchObject({ bron: 'ONDERWIJS', bronSysteem: 'sbb', categorie: 'ONGELDIG_ANTWOORD', retryable: false });
    }
  });

  it('sends nothing to an unknown source system', async () => {
    expect(await failure(adapter().leverContact('roc-elders', testLevering()))).toMatchObject({ bron: 'ONDERWIJS', bronSysteem: 'roc-elders', categorie: 'NIET_GECONFIGUREERD' });
  });
});
