/**
 * SBB's contact intake over real HTTP: the real onderwijs adapter delivers to the real sandbox, a
 * repeated key is stored once (201, then 200 with the same body), and a bad request is a 400
 * problem+json naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { testLevering } from '../../adapters/kit/test-levering.js';
import { createOnderwijsAdapter, type OnderwijsAdapter } from '../../adapters/onderwijs/index.js';
import { generateWorld } from '../generator/world.js';
import type { ContactInboxOverzicht } from '../kit/contact-inbox.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startOnderwijsSandbox } from './server.js';

const bronnen = loadBronnen();
let server: PartnerServer;
let sbb: OnderwijsAdapter;

beforeAll(async () => {
  server = await startOnderwijsSandbox(generateWorld({ kandidaten: 30, vacatures: 20, werkgevers: 20 }, bronnen), bronnen);
  sbb = createOnderwijsAdapter({ bronnen: loadBronnen({ ONDERWIJS_BRON_URL: server.url }), pseudonymize: createPseudonymizer('sbb-sandbox-contact-test-sleutel-32+'), timeoutMs: 2_000 });
});
afterAll(() => server.close());

async function inbox(): Promise<ContactInboxOverzicht> {
  return (await (await fetch(`${server.url}/_sandbox/contactmomenten`)).json()) as ContactInboxOverzicht;
}

const BODY = { kvkNummer: '87654321', datum: '2026-12-01', kanaal: 'BEZOEK', status: 'GEPLAND', medewerker: 'Jan Jansen', onderwerp: 'BBL-plekken', gemeente: 'GM0344', arbeidsmarktregio: 'AM21', organisatie: 'SBB' };

async function post(body: unknown, sleutel: string | null = 'handmatig-1') {
  const response = await fetch(`${server.url}/api/v1/contactmomenten`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sleutel !== null && { 'idempotency-key': sleutel }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

describe('SBB contact intake', () => {
  it('stores a contact the adapter delivers twice with the same key once', async () => {
    const levering = testLevering({ sleutel: 'sbb-twee-keer', organisatie: 'SBB', kanaal: 'MAIL' });
    await expect(sbb.leverContact('sbb', levering)).resolves.toEqual({ partnerReferentie: 'sbb-cm-000001', alBekend: false });
    await expect(sbb.leverContact('sbb', levering)).resolves.toEqual({ partnerReferentie: 'sbb-cm-000001', alBekend: true });

    expect(await inbox()).toEqual({
      ontvangen: 2,
      herhaald: 1,
      contactmomenten: [
        {
          bronSysteem: 'sbb',
          sleutel: 'sbb-twee-keer',
          referentie: 'sbb-cm-000001',
          pogingen: 2,
          ontvangenOp: expect.any(String),
          velden: {
            kvkNummer: '12345678',
            datum: '2026-11-24',
            kanaal: 'EMAIL',
            status: 'GEPLAND',
            medewerker: 'Petra de Vries',
            onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
            gemeente: 'GM0193',
            arbeidsmarktregio: 'AM36',
            organisatie: 'SBB',
          },
        },
      ],
    });
  });

  it('answers a repeat with 200 and the first body', async () => {
    const eerste = await post(BODY, 'handmatig-herhaald');
    const tweede = await post({ ...BODY, onderwerp: 'Iets anders' }, 'handmatig-herhaald');
    expect([eerste.status, tweede.status]).toEqual([201, 200]);
    expect(tweede.text).toBe(eerste.text);
    expect(JSON.parse(eerste.text)).toEqual({ id: 'sbb-cm-000002', ...BODY });
  });

  it('refuses a bad request with problem+json naming the field, and stores nothing', async () => {
    const voor = await inbox();
    const gevallen: [Awaited<ReturnType<typeof post>>, string, string][] = [
      [await post({ ...BODY, kvkNummer: 12345678 }), 'kvkNummer', 'is geen tekst'],
      [await post({ ...BODY, datum: '01-12-2026' }), 'datum', 'is geen bestaande datum (JJJJ-MM-DD)'],
      [await post({ ...BODY, kanaal: 'MAIL' }), 'kanaal', 'is geen van BEZOEK, TELEFOON, EMAIL'],
      [await post({ ...BODY, status: 'GEDAAN' }), 'status', 'is geen van GEPLAND, UITGEVOERD'],
      [await post({ ...BODY, onderwerp: '   ' }), 'onderwerp', 'is leeg'],
      [await post(BODY, null), 'Idempotency-Key', 'ontbreekt'],
    ];
    for (const [antwoord, veld, reden] of gevallen) {
      expect(antwoord.status).toBe(400);
      expect(antwoord.contentType).toBe('application/problem+json');
      expect(JSON.parse(antwoord.text)).toMatchObject({ status: 400, detail: `${veld} ${reden}`, invalidParams: [{ name: veld, reason: reden }] });
    }
    expect(await inbox()).toEqual(voor);
  });
});
