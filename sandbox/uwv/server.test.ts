/** The UWV sandbox speaks Suwinet-like SOAP/XML over a generated world. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { generateWorld } from '../generator/world.js';
import type { World } from '../generator/world-types.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startUwvSandbox } from './server.js';

const WORLD = { kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 };
const bronnen = loadBronnen();
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['Klant', 'Werkgever', 'Vacature', 'Instrument'].includes(name) });

interface Antwoord {
  status: number;
  contentType: string;
  body: string;
}

async function soap(server: PartnerServer, service: string, operatie: string): Promise<Antwoord> {
  const response = await fetch(`${server.url}/suwi/${service}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${operatie}</soapenv:Body></soapenv:Envelope>`,
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** The response element inside the SOAP body, e.g. `ZoekKlantenResponse`. */
function responseOf(body: string, element: string): Record<string, unknown> {
  const document = parser.parse(body) as { Envelope: { Body: Record<string, unknown> } };
  const response = document.Envelope.Body[element];
  return typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
}

function records(body: string, element: string, record: string): Record<string, unknown>[] {
  const list = responseOf(body, element)[record];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}

function faultstring(body: string): unknown {
  const document = parser.parse(body) as { Envelope: { Body: { Fault?: { faultstring?: unknown } } } };
  return document.Envelope.Body.Fault?.faultstring;
}

const zoek = (operatie: string, pagina: number, grootte: number) => `<${operatie}><Pagina>${pagina}</Pagina><PaginaGrootte>${grootte}</PaginaGrootte></${operatie}>`;
const opvragen = (operatie: string, sleutel: string, waarden: string[]) => `<${operatie}>${waarden.map((w) => `<${sleutel}>${w}</${sleutel}>`).join('')}</${operatie}>`;

let world: World;
let server: PartnerServer;

beforeAll(async () => {
  world = generateWorld(WORLD, bronnen);
  server = await startUwvSandbox(world, bronnen);
});
afterAll(() => server.close());

describe('UWV sandbox', () => {
  it('serves the same bytes for the same seed', async () => {
    const again = await startUwvSandbox(generateWorld(WORLD, bronnen), bronnen);
    try {
      for (const [service, operatie] of [
        ['KlantService', zoek('ZoekKlanten', 1, 500)],
        ['WerkgeverService', zoek('ZoekWerkgevers', 1, 500)],
        ['VacatureService', zoek('ZoekVacatures', 1, 500)],
        ['InstrumentService', zoek('ZoekInstrumenten', 1, 500)],
      ] as const) {
        const [a, b] = await Promise.all([soap(server, service, operatie), soap(again, service, operatie)]);
        expect(a.status).toBe(200);
        expect(b.body).toBe(a.body);
      }
    } finally {
      await again.close();
    }
  });

  it('renders a klant in Suwinet style: YYYYMMDD dates, J/N indications, gemeentecode without GM', async () => {
    const persoon = world.personen.find((p) => p.uwv && !p.uwv.corrupt && p.uwv.uitkering && p.tussenvoegsel);
    const uwv = persoon?.uwv;
    if (!persoon || !uwv) throw new Error('world has no suitable UWV klant');

    const { status, contentType, body } = await soap(server, 'KlantService', opvragen('OpvragenKlanten', 'Klantnr', [uwv.klantnummer]));

    expect(status).toBe(200);
    expect(contentType).toContain('text/xml');
    const [klant] = records(body, 'OpvragenKlantenResponse', 'Klant');
    expect(klant).toMatchObject({
      Klantnr: uwv.klantnummer,
      Burgerservicenr: persoon.bsn,
      Voornamen: persoon.voornaam,
      Voorvoegsel: persoon.tussenvoegsel,
      SignificantDeelVanDeAchternaam: persoon.achternaam,
      Geboortedat: persoon.geboortedatum.replace(/-/g, ''),
      Gemeentecode: persoon.gemeenteCode.slice(2),
      Uitkering: { SrtUitkering: uwv.uitkering },
      IndDoelgroepregister: uwv.doelgroepregister ? 'J' : 'N',
      IndBeschutWerk: uwv.beschutWerk ? 'J' : 'N',
      DatInschrijving: uwv.inschrijfdatum.replace(/-/g, ''),
    });
    expect(klant?.DatTijdWijziging).toMatch(/^\d{14}$/);
    expect(klant?.Gemeentecode).toMatch(/^\d{4}$/);
  });

  it('pages ZoekKlanten with AantalTotaal, at most 500 a page', async () => {
    const total = world.personen.filter((p) => p.uwv).length;

    const eerste = await soap(server, 'KlantService', zoek('ZoekKlanten', 1, 100));
    const tweede = await soap(server, 'KlantService', zoek('ZoekKlanten', 2, 100));
    const teGroot = await soap(server, 'KlantService', zoek('ZoekKlanten', 1, 501));

    expect(responseOf(eerste.body, 'ZoekKlantenResponse').AantalTotaal).toBe(String(total));
    const nummers = [...records(eerste.body, 'ZoekKlantenResponse', 'Klant'), ...records(tweede.body, 'ZoekKlantenResponse', 'Klant')].map((k) => k.Klantnr);
    expect(nummers).toHaveLength(200);
    expect(new Set(nummers).size).toBe(200);
    expect(teGroot.status).toBe(500);
    expect(faultstring(teGroot.body)).toContain('PaginaGrootte');
  });

  it('renders a corrupt slice as an impossible date inside a well-formed document', async () => {
    const klant = world.personen.find((p) => p.uwv?.corrupt)?.uwv;
    const werkgever = world.werkgevers.find((w) => w.uwv?.corrupt);
    const vacature = world.vacatures.find((v) => v.uwv?.corrupt)?.uwv;
    if (!klant || !werkgever || !vacature) throw new Error('world has no corrupt UWV slices');

    const k = await soap(server, 'KlantService', opvragen('OpvragenKlanten', 'Klantnr', [klant.klantnummer]));
    const w = await soap(server, 'WerkgeverService', opvragen('OpvragenWerkgevers', 'KvKnr', [werkgever.kvkNummer]));
    const v = await soap(server, 'VacatureService', opvragen('OpvragenVacatures', 'Vacaturenr', [vacature.vacaturenummer]));

    for (const answer of [k, w, v]) expect(XMLValidator.validate(answer.body)).toBe(true);
    expect(records(k.body, 'OpvragenKlantenResponse', 'Klant')[0]?.Geboortedat).toBe('20251345');
    expect(records(w.body, 'OpvragenWerkgeversResponse', 'Werkgever')[0]?.DatLaatsteContact).toBe('20251345');
    expect(records(v.body, 'OpvragenVacaturesResponse', 'Vacature')[0]?.DatPlaatsing).toBe('20251345');
  });

  it('looks up a batch of keys in one request, leaving unknown keys out, and refuses more than 500', async () => {
    const nummers = world.personen.flatMap((p) => (p.uwv ? [p.uwv.klantnummer] : [])).slice(0, 20);
    server.resetCounters();

    const antwoord = await soap(server, 'KlantService', opvragen('OpvragenKlanten', 'Klantnr', [...nummers, 'U999999999']));
    const teVeel = await soap(server, 'KlantService', opvragen('OpvragenKlanten', 'Klantnr', Array.from({ length: 501 }, (_, i) => `U${i}`)));

    expect(records(antwoord.body, 'OpvragenKlantenResponse', 'Klant').map((k) => k.Klantnr)).toEqual(nummers);
    expect(server.counters().byRoute).toEqual({ KlantService: 2 });
    expect(teVeel.status).toBe(500);
    expect(faultstring(teVeel.body)).toContain('500');
  });

  it('looks employers up by KvK and vacancies by Vacaturenr, with SrtVacature from the world', async () => {
    const werkgever = world.werkgevers.find((w) => w.uwv && !w.uwv.corrupt);
    const vacature = world.vacatures.find((v) => v.uwv && !v.uwv.corrupt);
    if (!werkgever?.uwv || !vacature?.uwv) throw new Error('world has no UWV employers or vacancies');

    const w = await soap(server, 'WerkgeverService', opvragen('OpvragenWerkgevers', 'KvKnr', [werkgever.kvkNummer]));
    const v = await soap(server, 'VacatureService', opvragen('OpvragenVacatures', 'Vacaturenr', [vacature.uwv.vacaturenummer]));

    expect(records(w.body, 'OpvragenWerkgeversResponse', 'Werkgever')).toEqual([
      expect.objectContaining({ KvKnr: werkgever.kvkNummer, Accountmanager: werkgever.uwv.accountmanager, AantContactmomenten: String(werkgever.uwv.aantalContacten), DatLaatsteContact: werkgever.uwv.laatsteContact.replace(/-/g, '') }),
    ]);
    expect(records(v.body, 'OpvragenVacaturesResponse', 'Vacature')).toEqual([
      expect.objectContaining({ Vacaturenr: vacature.uwv.vacaturenummer, KvKnr: vacature.kvkNummer, SrtVacature: vacature.soort, DatPlaatsing: vacature.geplaatstOp.replace(/-/g, '') }),
    ]);
  });

  it('lists only UWV instruments', async () => {
    const { body } = await soap(server, 'InstrumentService', zoek('ZoekInstrumenten', 1, 500));

    const codes = records(body, 'ZoekInstrumentenResponse', 'Instrument').map((i) => i.InstrumentCd);
    expect(codes).toEqual(world.instrumenten.filter((i) => i.aanbieder === 'UWV').map((i) => i.id));
    expect(codes.length).toBeGreaterThan(0);
  });

  it('answers an unknown operation or a body that is not SOAP with a SOAP Fault', async () => {
    const onbekend = await soap(server, 'KlantService', '<VerwijderKlanten><Klantnr>U1</Klantnr></VerwijderKlanten>');
    const geenSoap = await fetch(`${server.url}/suwi/KlantService`, { method: 'POST', body: 'hallo' });

    expect(onbekend.status).toBe(500);
    expect(faultstring(onbekend.body)).toContain('VerwijderKlanten');
    expect(geenSoap.status).toBe(500);
    expect(XMLValidator.validate(await geenSoap.text())).toBe(true);
  });
});
