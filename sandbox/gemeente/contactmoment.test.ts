/**
 * The gemeente sandbox's contact intake over real HTTP: the real gemeente adapter delivers to a JSON
 * system's API and to a CSV system's import, a repeated key is stored once, and bad requests are
 * refused naming the field (problem+json `invalidParams` for the API, a CSV error list for the import).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGemeenteAdapter, type GemeenteAdapter } from '../../adapters/gemeente/index.js';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { testLevering } from '../../adapters/kit/test-levering.js';
import { generateWorld } from '../generator/world.js';
import type { ContactInboxOverzicht } from '../kit/contact-inbox.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startGemeenteSandbox } from './server.js';

const bronnen = loadBronnen();
const JSON_SYSTEEM = bronnen.gemeente.find((b) => b.formaat === 'json')?.id ?? '';
const CSV_SYSTEEM = bronnen.gemeente.find((b) => b.formaat === 'csv')?.id ?? '';
let server: PartnerServer;
let gemeente: GemeenteAdapter;

beforeAll(async () => {
  server = await startGemeenteSandbox(generateWorld({ kandidaten: 30, vacatures: 20, werkgevers: 20 }, bronnen), bronnen);
  gemeente = createGemeenteAdapter({ bronnen: loadBronnen({ GEMEENTE_BRON_URL: server.url }), pseudonymize: createPseudonymizer('gemeente-sandbox-contact-sleutel-32+'), timeoutMs: 2_000 });
});
afterAll(() => server.close());

async function inbox(): Promise<ContactInboxOverzicht> {
  return (await (await fetch(`${server.url}/_sandbox/contactmomenten`)).json()) as ContactInboxOverzicht;
}

const contactVan = async (sleutel: string) => (await inbox()).contactmomenten.filter((c) => c.sleutel === sleutel);

const BODY = {
  contact_datum: '2026-12-01',
  kanaal: 'telefoon',
  status: 'gepland',
  medewerker: 'Jan Jansen',
  onderwerp: 'Vacature',
  gemeentecode: 'GM0344',
  arbeidsmarktregio: 'AM21',
  geregistreerd_door: 'GM0344',
};

async function postApi(body: unknown, { kvk = '87654321', sleutel = 'handmatig-api' as string | null, systeem = JSON_SYSTEEM } = {}) {
  const response = await fetch(`${server.url}/systemen/${systeem}/api/v1/werkgevers/${kvk}/contactmomenten`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sleutel !== null && { 'idempotency-key': sleutel }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

async function postImport(csv: string, systeem = CSV_SYSTEEM) {
  const response = await fetch(`${server.url}/imports/${systeem}/contactmomenten.csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

const HEADER = 'idempotentie_sleutel;kvk_nummer;contact_datum;kanaal;status;medewerker;onderwerp;gemeentecode;arbeidsmarktregio;geregistreerd_door';

describe('gemeente contact intake', () => {
  it('stores a contact delivered twice to a JSON system once, answering 201 and then 200 with the same body', async () => {
    const levering = testLevering({ sleutel: 'gm-json-twee-keer' });
    await expect(gemeente.leverContact(JSON_SYSTEEM, levering)).resolves.toEqual({ partnerReferentie: 'CM-000001', alBekend: false });
    await expect(gemeente.leverContact(JSON_SYSTEEM, levering)).resolves.toEqual({ partnerReferentie: 'CM-000001', alBekend: true });

    expect(await contactVan('gm-json-twee-keer')).toEqual([
      {
        bronSysteem: JSON_SYSTEEM,
        sleutel: 'gm-json-twee-keer',
        referentie: 'CM-000001',
        pogingen: 2,
        ontvangenOp: expect.any(String),
        velden: {
          kvk_nummer: '12345678',
          contact_datum: '2026-11-24',
          kanaal: 'bezoek',
          status: 'gepland',
          medewerker: 'Petra de Vries',
          onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
          gemeentecode: 'GM0193',
          arbeidsmarktregio: 'AM36',
          geregistreerd_door: 'GM0193',
        },
      },
    ]);
    const eerste = await postApi(BODY, { sleutel: 'handmatig-herhaald' });
    const tweede = await postApi({ ...BODY, onderwerp: 'Anders' }, { sleutel: 'handmatig-herhaald' });
    expect([eerste.status, tweede.status]).toEqual([201, 200]);
    expect(tweede.text).toBe(eerste.text);
    expect(JSON.parse(tweede.text)).toMatchObject({ id: 'CM-000002', kvk_nummer: '87654321', onderwerp: 'Vacature' });
  });

  it('stores a contact delivered twice to a CSV system once, with the date as the import wrote it', async () => {
    const levering = testLevering({ sleutel: 'gm-csv-twee-keer', kanaal: 'MAIL', status: 'GEDAAN' });
    await expect(gemeente.leverContact(CSV_SYSTEEM, levering)).resolves.toEqual({ partnerReferentie: 'CM-000001', alBekend: false });
    await expect(gemeente.leverContact(CSV_SYSTEEM, levering)).resolves.toEqual({ partnerReferentie: 'CM-000001', alBekend: true });

    expect(await contactVan('gm-csv-twee-keer')).toEqual([
      expect.objectContaining({ bronSysteem: CSV_SYSTEEM, referentie: 'CM-000001', pogingen: 2, velden: expect.objectContaining({ contact_datum: '24-11-2026', kanaal: 'e-mail', status: 'afgerond', kvk_nummer: '12345678' }) }),
    ]);
  });

  it('refuses a bad API request with problem+json naming the field, and stores nothing', async () => {
    const voor = await inbox();
    const gevallen: [Awaited<ReturnType<typeof postApi>>, string, string][] = [
      [await postApi({ ...BODY, kanaal: 'fax' }), 'kanaal', 'is geen van bezoek, telefoon, e-mail'],
      [await postApi({ ...BODY, contact_datum: '2026-02-30' }), 'contact_datum', 'is geen bestaande datum (JJJJ-MM-DD)'],
      [await postApi({ ...BODY, status: undefined }), 'status', 'ontbreekt'],
      [await postApi(BODY, { sleutel: null }), 'Idempotency-Key', 'ontbreekt'],
      [await postApi(BODY, { kvk: '1234567X' }), 'kvk_nummer', 'is geen KvK-nummer van 8 cijfers'],
      [await postApi('{geen json'), '(body)', 'is geen JSON'],
    ];
    for (const [antwoord, veld, reden] of gevallen) {
      expect(antwoord.status).toBe(400);
      expect(antwoord.contentType).toBe('application/problem+json');
      expect(JSON.parse(antwoord.text)).toMatchObject({ status: 400, detail: `${veld} ${reden}`, invalidParams: [{ name: veld, reason: reden }] });
    }
    expect((await postApi(BODY, { systeem: CSV_SYSTEEM })).status).toBe(404);
    expect((await postApi(BODY, { systeem: 'gm-bestaat-niet' })).status).toBe(404);
    expect(await inbox()).toEqual(voor);
  });

  it('refuses a bad import as a whole with a CSV list naming line and column, and stores nothing', async () => {
    const voor = await inbox();
    const goed = 'imp-1;87654321;01-12-2026;bezoek;gepland;Jan Jansen;Vacature;GM0344;AM21;GM0344';
    const fout = 'imp-2;87654321;31-02-2026;bezoek;gepland;Jan Jansen;Vacature;GM0344;AM21;GM0344';

    const geweigerd = await postImport(`${HEADER}\n${goed}\n${fout}\n`);
    expect(geweigerd.status).toBe(400);
    expect(geweigerd.contentType).toBe('text/csv; charset=utf-8');
    expect(geweigerd.text).toBe('regel;veld;melding\n3;contact_datum;is geen bestaande datum (dd-mm-jjjj)\n');

    const zonderKanaal = await postImport(`${HEADER.replace(';kanaal', '')}\n`);
    expect(zonderKanaal.text).toBe('regel;veld;melding\n1;kanaal;kolom ontbreekt in de kopregel\n');
    expect((await postImport(`${HEADER}\n${goed}\n`, JSON_SYSTEEM)).status).toBe(404);
    expect(await inbox()).toEqual(voor);

    const ontvangen = await postImport(`${HEADER}\n${goed}\n${goed}\n`);
    expect(ontvangen.status).toBe(200);
    expect(ontvangen.text).toBe('regel;idempotentie_sleutel;referentie;resultaat\n2;imp-1;CM-000002;nieuw\n3;imp-1;CM-000002;al ontvangen\n');
  });
});
