/**
 * UWV's contact intake over real HTTP: the real UWV adapter delivers to the real sandbox, a repeated
 * key is stored once, a bad request gets a Client Fault naming the element, and the failure knobs
 * scoped to `contactmoment` hit deliveries only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUwvAdapter, type UwvAdapter } from '../../adapters/uwv/index.js';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { testLevering } from '../../adapters/kit/test-levering.js';
import { generateWorld } from '../generator/world.js';
import type { ContactInboxOverzicht } from '../kit/contact-inbox.js';
import { DEFAULT_KNOBS, type PartnerServer } from '../kit/partner-server.js';
import { CONTACTMOMENT_PAD } from './contactmoment.js';
import { startUwvSandbox } from './server.js';

const bronnen = loadBronnen();
let server: PartnerServer;
let uwv: UwvAdapter;

beforeAll(async () => {
  server = await startUwvSandbox(generateWorld({ kandidaten: 30, vacatures: 20, werkgevers: 20 }, bronnen), bronnen);
  uwv = createUwvAdapter({ bronnen: loadBronnen({ UWV_BRON_URL: server.url }), pseudonymize: createPseudonymizer('uwv-sandbox-contact-test-sleutel-32+'), timeoutMs: 2_000 });
});
afterAll(() => server.close());
beforeEach(() => Object.assign(server.knobs, DEFAULT_KNOBS));

async function inbox(): Promise<ContactInboxOverzicht> {
  return (await (await fetch(`${server.url}/_sandbox/contactmomenten`)).json()) as ContactInboxOverzicht;
}

async function registreer(elementen: Record<string, string>): Promise<{ status: number; body: string }> {
  const kinderen = Object.entries(elementen)
    .map(([naam, waarde]) => `<${naam}>${waarde}</${naam}>`)
    .join('');
  const response = await fetch(server.url + CONTACTMOMENT_PAD, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: 'RegistreerContactmoment' },
    body: `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><RegistreerContactmoment>${kinderen}</RegistreerContactmoment></soapenv:Body></soapenv:Envelope>`,
  });
  return { status: response.status, body: await response.text() };
}

const GOED = {
  IdempotentieSleutel: 'handmatig-1',
  KvKnr: '87654321',
  Gemeentecode: '0344',
  Arbeidsmarktregio: 'AM21',
  DatContact: '20261201',
  CdKanaal: 'B',
  CdStatus: 'G',
  NaamMedewerker: 'Jan Jansen',
  Onderwerp: 'Werkplekbezoek',
  Organisatie: 'UWV',
};

describe('UWV contact intake', () => {
  it('stores a contact once when the adapter delivers it twice with the same key', async () => {
    const levering = testLevering({ sleutel: 'uwv-twee-keer', organisatie: 'UWV', kanaal: 'MAIL', status: 'GEDAAN' });

    const eerste = await uwv.leverContact('uwv', levering);
    const tweede = await uwv.leverContact('uwv', levering);

    expect(eerste).toEqual({ partnerReferentie: 'CM0000000001', alBekend: false });
    expect(tweede).toEqual({ partnerReferentie: 'CM0000000001', alBekend: true });
    const overzicht = await inbox();
    expect(overzicht).toMatchObject({ ontvangen: 2, herhaald: 1 });
    expect(overzicht.contactmomenten).toEqual([
      {
        bronSysteem: 'uwv',
        sleutel: 'uwv-twee-keer',
        referentie: 'CM0000000001',
        pogingen: 2,
        ontvangenOp: expect.any(String),
        velden: {
          KvKnr: '12345678',
          Gemeentecode: '0193',
          Arbeidsmarktregio: 'AM36',
          DatContact: '20261124',
          CdKanaal: 'E',
          CdStatus: 'U',
          NaamMedewerker: 'Petra de Vries',
          Onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
          Organisatie: 'UWV',
        },
      },
    ]);
    expect(server.contactInbox?.overzicht().contactmomenten).toHaveLength(1);
    await expect(uwv.leverContact('uwv', { ...levering, sleutel: 'uwv-ander' })).resolves.toEqual({ partnerReferentie: 'CM0000000002', alBekend: false });
  });

  it('refuses a bad request with a Client Fault naming the element, and stores nothing', async () => {
    const voor = await inbox();
    const gevallen: [Record<string, string>, string][] = [
      [{ ...GOED, DatContact: '20261345' }, 'DatContact is geen bestaande datum (JJJJMMDD)'],
      [{ ...GOED, KvKnr: '8765432' }, 'KvKnr is geen KvK-nummer van 8 cijfers'],
      [{ ...GOED, CdKanaal: 'X' }, 'CdKanaal is geen van B, T, E'],
      [{ ...GOED, CdStatus: 'GEPLAND' }, 'CdStatus is geen van G, U'],
      [Object.fromEntries(Object.entries(GOED).filter(([naam]) => naam !== 'IdempotentieSleutel')), 'IdempotentieSleutel ontbreekt'],
    ];
    for (const [elementen, melding] of gevallen) {
      const antwoord = await registreer(elementen);
      expect(antwoord.status).toBe(500);
      expect(antwoord.body).toContain('<faultcode>soapenv:Client</faultcode>');
      expect(antwoord.body).toContain(`<faultstring>${melding}</faultstring>`);
    }
    expect(await inbox()).toEqual(voor);
    expect((await registreer(GOED)).body).toContain('<IndAlGeregistreerd>N</IndAlGeregistreerd>');
  });

  it('fails deliveries only when the knobs aim at contactmoment; reads and the inbox still answer', async () => {
    Object.assign(server.knobs, { errorRate: 1, scope: 'contactmoment' });
    server.resetCounters();
    const error = await uwv.leverContact('uwv', testLevering({ sleutel: 'uwv-storing' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'UWV', bronSysteem: 'uwv', retryable: true });
    expect((await inbox()).contactmomenten.map((c) => c.sleutel)).not.toContain('uwv-storing');
    await expect(uwv.feed.sources[0]?.werkgevers?.()[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: false });
    expect(server.counters().byRoute).not.toHaveProperty('GET /_sandbox/contactmomenten');
  });
});
