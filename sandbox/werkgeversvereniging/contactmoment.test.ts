/**
 * The associations' contact intake over real HTTP: the real werkgeversvereniging adapter creates a
 * contact in the real sandbox, a repeated key is stored once (201, then 200 with the same document),
 * and bad input is a JSON:API `errors` document pointing at the attribute or naming the header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { testLevering } from '../../adapters/kit/test-levering.js';
import { createWerkgeversverenigingAdapter, type WerkgeversverenigingAdapter } from '../../adapters/werkgeversvereniging/index.js';
import { generateWorld } from '../generator/world.js';
import type { ContactInboxOverzicht } from '../kit/contact-inbox.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startWerkgeversverenigingSandbox } from './server.js';

const bronnen = loadBronnen();
let server: PartnerServer;
let wv: WerkgeversverenigingAdapter;

beforeAll(async () => {
  server = await startWerkgeversverenigingSandbox(generateWorld({ kandidaten: 30, vacatures: 20, werkgevers: 20 }, bronnen), bronnen, { port: 0 });
  wv = createWerkgeversverenigingAdapter({ bronnen: loadBronnen({ WERKGEVERSVERENIGING_BRON_URL: server.url }), timeoutMs: 2_000 });
});
afterAll(() => server.close());

async function inbox(): Promise<ContactInboxOverzicht> {
  return (await (await fetch(`${server.url}/_sandbox/contactmomenten`)).json()) as ContactInboxOverzicht;
}

const ATTRIBUTES = { kvkNummer: '87654321', datum: '2026-12-01', kanaal: 'bezoek', status: 'gepland', medewerker: 'Jan Jansen', onderwerp: 'Werkleerplekken', vestigingsgemeente: 'GM0344', arbeidsmarktregio: 'AM21', organisatie: 'wv' };

async function post(document: unknown, { sleutel = 'handmatig-1' as string | null, contentType = 'application/vnd.api+json' } = {}) {
  const response = await fetch(`${server.url}/jsonapi/contactmomenten`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(sleutel !== null && { 'idempotency-key': sleutel }) },
    body: JSON.stringify(document),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), location: response.headers.get('location'), text: await response.text() };
}

describe('werkgeversvereniging contact intake', () => {
  it('stores a contact the adapter delivers twice with the same key once', async () => {
    const levering = testLevering({ sleutel: 'wv-twee-keer', organisatie: 'wv', kanaal: 'TELEFOON', status: 'GEDAAN' });
    await expect(wv.leverContact('wv', levering)).resolves.toEqual({ partnerReferentie: 'cm-000001', alBekend: false });
    await expect(wv.leverContact('wv', levering)).resolves.toEqual({ partnerReferentie: 'cm-000001', alBekend: true });

    expect(await inbox()).toEqual({
      ontvangen: 2,
      herhaald: 1,
      contactmomenten: [
        {
          bronSysteem: 'wv',
          sleutel: 'wv-twee-keer',
          referentie: 'cm-000001',
          pogingen: 2,
          ontvangenOp: expect.any(String),
          velden: {
            kvkNummer: '12345678',
            datum: '2026-11-24',
            kanaal: 'telefoon',
            status: 'gedaan',
            medewerker: 'Petra de Vries',
            onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
            vestigingsgemeente: 'GM0193',
            arbeidsmarktregio: 'AM36',
            organisatie: 'wv',
          },
        },
      ],
    });
  });

  it('answers 201 with the created resource and Location, then 200 with the same document', async () => {
    const eerste = await post({ data: { type: 'contactmomenten', attributes: ATTRIBUTES } }, { sleutel: 'handmatig-herhaald' });
    const tweede = await post({ data: { type: 'contactmomenten', attributes: { ...ATTRIBUTES, onderwerp: 'Anders' } } }, { sleutel: 'handmatig-herhaald' });
    expect([eerste.status, tweede.status]).toEqual([201, 200]);
    expect(eerste.contentType).toBe('application/vnd.api+json');
    expect(eerste.location).toBe('/jsonapi/contactmomenten/cm-000002');
    expect(tweede.text).toBe(eerste.text);
    expect(JSON.parse(eerste.text)).toEqual({ jsonapi: { version: '1.1' }, data: { type: 'contactmomenten', id: 'cm-000002', attributes: ATTRIBUTES, links: { self: '/jsonapi/contactmomenten/cm-000002' } } });
  });

  it('refuses bad input with a JSON:API errors document naming the attribute or header, and stores nothing', async () => {
    const voor = await inbox();
    const create = (attributes: Record<string, unknown>) => ({ data: { type: 'contactmomenten', attributes } });
    const gevallen: [Awaited<ReturnType<typeof post>>, string, Record<string, string>, string][] = [
      [await post(create({ ...ATTRIBUTES, kanaal: 'brief' })), '400', { pointer: '/data/attributes/kanaal' }, 'kanaal is geen van bezoek, telefoon, mail'],
      [await post(create({ ...ATTRIBUTES, datum: '2026-13-01' })), '400', { pointer: '/data/attributes/datum' }, 'datum is geen bestaande datum (JJJJ-MM-DD)'],
      [await post(create({ ...ATTRIBUTES, kvkNummer: undefined })), '400', { pointer: '/data/attributes/kvkNummer' }, 'kvkNummer ontbreekt'],
      [await post(create(ATTRIBUTES), { sleutel: null }), '400', { header: 'Idempotency-Key' }, 'Idempotency-Key ontbreekt'],
      [await post({ data: { type: 'werkgevers', attributes: ATTRIBUTES } }), '409', { pointer: '/data/type' }, 'data.type must be contactmomenten'],
      [await post({ data: { type: 'contactmomenten', id: 'mijn-id', attributes: ATTRIBUTES } }), '403', { pointer: '/data/id' }, 'client-generated ids are not supported'],
      [await post(create(ATTRIBUTES), { contentType: 'application/json' }), '415', { header: 'Content-Type' }, 'Content-Type must be application/vnd.api+json without parameters'],
    ];
    for (const [antwoord, status, source, detail] of gevallen) {
      expect(antwoord.status).toBe(Number(status));
      expect(antwoord.contentType).toBe('application/vnd.api+json');
      expect(JSON.parse(antwoord.text)).toMatchObject({ errors: [{ status, source, detail }] });
    }
    expect(await inbox()).toEqual(voor);
  });
});
