/**
 * The SW-bedrijven's contact import over real HTTP: the real SW-bedrijf adapter delivers to the real
 * sandbox, a repeated key is stored once per company, and a bad file is refused as a whole with a CSV
 * list naming line and column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { testLevering } from '../../adapters/kit/test-levering.js';
import { createSwBedrijfAdapter, type SwBedrijfAdapter } from '../../adapters/sw-bedrijf/index.js';
import { generateWorld } from '../generator/world.js';
import type { ContactInboxOverzicht } from '../kit/contact-inbox.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startSwBedrijfSandbox } from './server.js';

const bronnen = loadBronnen();
let server: PartnerServer;
let sw: SwBedrijfAdapter;

beforeAll(async () => {
  server = await startSwBedrijfSandbox(generateWorld({ kandidaten: 30, vacatures: 20, werkgevers: 20 }, bronnen), bronnen);
  sw = createSwBedrijfAdapter({ bronnen: loadBronnen({ SW_BEDRIJF_BRON_URL: server.url }), pseudonymize: createPseudonymizer('sw-sandbox-contact-test-sleutel-32+'), timeoutMs: 2_000 });
});
afterAll(() => server.close());

async function inbox(): Promise<ContactInboxOverzicht> {
  return (await (await fetch(`${server.url}/_sandbox/contactmomenten`)).json()) as ContactInboxOverzicht;
}

async function postImport(bedrijf: string, csv: string) {
  const response = await fetch(`${server.url}/bedrijven/${bedrijf}/import/contactmomenten.csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

const HEADER = 'importsleutel;kvk_nummer;datum_contact;contactvorm;status;accountmanager;onderwerp;gemeentecode;regio;organisatie';
const rij = (velden: Partial<Record<string, string>> = {}) =>
  Object.values({ importsleutel: 'handmatig-1', kvk_nummer: '87654321', datum_contact: '01-12-2026', contactvorm: 'bezoek', status: 'gepland', accountmanager: 'Jan Jansen', onderwerp: 'Detachering', gemeentecode: 'GM0344', regio: 'AM21', organisatie: 'sw-am21', ...velden }).join(';');

describe('SW-bedrijf contact import', () => {
  it('stores a contact delivered twice to the same company once, and keeps companies apart', async () => {
    const levering = testLevering({ sleutel: 'sw-twee-keer', organisatie: 'sw-am36', kanaal: 'TELEFOON', status: 'GEDAAN' });
    await expect(sw.leverContact('sw-am36', levering)).resolves.toEqual({ partnerReferentie: 'sw-am36-cm-00001', alBekend: false });
    await expect(sw.leverContact('sw-am36', levering)).resolves.toEqual({ partnerReferentie: 'sw-am36-cm-00001', alBekend: true });
    await expect(sw.leverContact('sw-am01', levering)).resolves.toEqual({ partnerReferentie: 'sw-am01-cm-00001', alBekend: false });

    const overzicht = await inbox();
    expect(overzicht).toMatchObject({ ontvangen: 3, herhaald: 1 });
    expect(overzicht.contactmomenten[0]).toEqual({
      bronSysteem: 'sw-am36',
      sleutel: 'sw-twee-keer',
      referentie: 'sw-am36-cm-00001',
      pogingen: 2,
      ontvangenOp: expect.any(String),
      velden: {
        kvk_nummer: '12345678',
        datum_contact: '24-11-2026',
        contactvorm: 'telefoon',
        status: 'uitgevoerd',
        accountmanager: 'Petra de Vries',
        onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
        gemeentecode: 'GM0193',
        regio: 'AM36',
        organisatie: 'sw-am36',
      },
    });
  });

  it('refuses a bad file as a whole, naming line and column, and stores nothing', async () => {
    const voor = await inbox();
    const gevallen: [string, string][] = [
      [`${HEADER}\r\n${rij()}\r\n${rij({ importsleutel: 'handmatig-2', datum_contact: '2026-12-01' })}\r\n`, '3;datum_contact;is geen bestaande datum (dd-mm-jjjj)'],
      [`${HEADER}\r\n${rij({ contactvorm: 'brief' })}\r\n`, '2;contactvorm;is geen van bezoek, telefoon, e-mail'],
      [`${HEADER}\r\n${rij({ kvk_nummer: '123' })}\r\n`, '2;kvk_nummer;is geen KvK-nummer van 8 cijfers'],
      [`${HEADER}\r\n${rij({ importsleutel: '' })}\r\n`, '2;importsleutel;is leeg'],
    ];
    for (const [csv, melding] of gevallen) {
      const antwoord = await postImport('sw-am21', csv);
      expect(antwoord.status).toBe(400);
      expect(antwoord.text).toBe(`regel;veld;melding\n${melding}\n`);
    }
    expect((await postImport('sw-am99', `${HEADER}\r\n${rij()}\r\n`)).status).toBe(404);
    expect(await inbox()).toEqual(voor);
    expect((await postImport('sw-am21', `\ufeff${HEADER}\r\n${rij()}\r\n`)).text).toBe('regel;importsleutel;referentie;resultaat\n2;handmatig-1;sw-am21-cm-00001;nieuw\n');
  });
});
