/**
 * The SW-bedrijven sandbox over real HTTP: the Excel-style CSV format (BOM, `;`, CRLF, `dd-mm-jjjj`,
 * decimal comma, `ja`/`nee`), what each file holds per company, malformed rendering of corrupt
 * records, determinism per seed and the 404 for an unknown company.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { generateWorld } from '../generator/world.js';
import type { Persoon, World } from '../generator/world-types.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { INSTRUMENTEN_KOLOMMEN } from './instrumenten-export.js';
import { MEDEWERKERS_KOLOMMEN } from './medewerkers-export.js';
import { startSwBedrijfSandbox } from './server.js';
import { WERKGEVERS_KOLOMMEN } from './werkgevers-export.js';

const bronnen = loadBronnen();
const OPTIONS = { kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 };
let world: World;
let sandbox: PartnerServer;

beforeAll(async () => {
  world = generateWorld(OPTIONS, bronnen);
  sandbox = await startSwBedrijfSandbox(world, bronnen);
});
afterAll(() => sandbox.close());

async function download(bedrijf: string, bestand: string, server = sandbox): Promise<Response> {
  return fetch(`${server.url}/bedrijven/${bedrijf}/export/${bestand}.csv`);
}

async function bytes(bedrijf: string, bestand: string, server = sandbox): Promise<Buffer> {
  return Buffer.from(await (await download(bedrijf, bestand, server)).arrayBuffer());
}

async function rows(bedrijf: string, bestand: string): Promise<Record<string, string>[]> {
  return parse<Record<string, string>>(await bytes(bedrijf, bestand), { delimiter: ';', bom: true, columns: true });
}

function swPersoon(predicate: (p: Persoon) => boolean): Persoon & { sw: NonNullable<Persoon['sw']> } {
  const found = world.personen.find((p) => p.sw !== undefined && predicate(p));
  if (!found?.sw) throw new Error('no such SW employee in the test world');
  return { ...found, sw: found.sw };
}

function dmy(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

describe('SW-bedrijf sandbox', () => {
  it('serves Excel CSV: UTF-8 BOM, `;`-separated header, Windows line ends, text/csv', async () => {
    const persoon = swPersoon((p) => p.sw?.corrupt !== true);
    const response = await download(persoon.sw.bronId, 'medewerkers');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const body = Buffer.from(await response.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(MEDEWERKERS_KOLOMMEN.join(';'));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it("lists a company's employees in the native formats: dd-mm-jjjj, decimal comma, ja/nee", async () => {
    const persoon = swPersoon((p) => p.sw?.corrupt !== true && p.sw?.gedetacheerdBij !== null);
    const medewerkers = await rows(persoon.sw.bronId, 'medewerkers');
    expect(medewerkers).toHaveLength(world.personen.filter((p) => p.sw?.bronId === persoon.sw.bronId).length);
    const rij = medewerkers.find((r) => r.personeelsnummer === persoon.sw.personeelsnummer);
    expect(rij).toMatchObject({
      bsn: persoon.bsn,
      achternaam: persoon.achternaam,
      geboortedatum: dmy(persoon.geboortedatum),
      gemeentecode: persoon.gemeenteCode,
      dienstverband: persoon.sw.dienstverband,
      in_dienst_sinds: dmy(persoon.sw.sinds),
      werkfit: persoon.sw.werkfit ? 'ja' : 'nee',
      uren_per_week: `${persoon.sw.urenPerWeek},0`,
      gedetacheerd_bij_kvk: persoon.sw.gedetacheerdBij,
      laatst_gewijzigd: `${dmy(persoon.sw.bijgewerktOp)} ${persoon.sw.bijgewerktOp.slice(11, 19)}`,
    });
  });

  it('renders a corrupt employee with the impossible in_dienst_sinds 31-02, the other rows valid', async () => {
    const corrupt = swPersoon((p) => p.sw?.corrupt === true);
    const medewerkers = await rows(corrupt.sw.bronId, 'medewerkers');
    const bad = medewerkers.find((r) => r.personeelsnummer === corrupt.sw.personeelsnummer);
    expect(bad?.in_dienst_sinds).toBe(`31-02-${corrupt.sw.sinds.slice(0, 4)}`);
    const others = medewerkers.filter((r) => r !== bad && world.personen.find((p) => p.sw?.personeelsnummer === r.personeelsnummer)?.sw?.corrupt !== true);
    for (const r of others) expect(r.in_dienst_sinds).not.toMatch(/^3[01]-02-/);
  });

  it('lists the employers where its employees are seconded, with counts and hours derived from the world', async () => {
    const persoon = swPersoon((p) => p.sw?.gedetacheerdBij !== null);
    const kvk = persoon.sw.gedetacheerdBij as string;
    const gedetacheerd = world.personen.filter((p) => p.sw?.bronId === persoon.sw.bronId && p.sw.gedetacheerdBij === kvk);
    const werkgevers = await rows(persoon.sw.bronId, 'werkgevers');
    expect(Object.keys(werkgevers[0] ?? {})).toEqual([...WERKGEVERS_KOLOMMEN]);
    expect(werkgevers.find((r) => r.kvk_nummer === kvk)).toMatchObject({
      naam: world.werkgevers.find((w) => w.kvkNummer === kvk)?.naam,
      aantal_gedetacheerden: String(gedetacheerd.length),
      uren_per_week_totaal: `${gedetacheerd.reduce((som, p) => som + (p.sw?.urenPerWeek ?? 0), 0)},0`,
    });
    const relaties = world.werkgevers.filter((w) => w.sw?.bronId === persoon.sw.bronId).map((w) => w.kvkNummer);
    expect(werkgevers.map((r) => r.kvk_nummer)).toEqual(expect.arrayContaining(relaties));
  });

  it("lists the company's instruments in words; a corrupt one has an impossible laatst_gewijzigd", async () => {
    const corrupt = world.instrumenten.find((i) => i.aanbieder === 'SW_BEDRIJF' && i.corrupt);
    if (!corrupt) throw new Error('no corrupt SW instrument in the test world');
    const instrumenten = await rows(corrupt.bronId, 'instrumenten');
    expect(Object.keys(instrumenten[0] ?? {})).toEqual([...INSTRUMENTEN_KOLOMMEN]);
    expect(instrumenten.map((r) => r.soort)).toEqual(['detachering', 'detachering', 'begeleid werken', 'diagnose werkfit']);
    expect(instrumenten.find((r) => r.instrument_id === corrupt.id)?.laatst_gewijzigd).toMatch(/^31-02-\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('serves the same bytes for the same seed', async () => {
    const tweede = await startSwBedrijfSandbox(generateWorld(OPTIONS, bronnen), bronnen);
    try {
      for (const bestand of ['medewerkers', 'werkgevers', 'instrumenten']) {
        expect((await bytes('sw-am36', bestand, tweede)).equals(await bytes('sw-am36', bestand))).toBe(true);
      }
    } finally {
      await tweede.close();
    }
  });

  it('answers 404 problem+json for an unknown SW-bedrijf and counts downloads per file', async () => {
    const response = await download('sw-am99', 'medewerkers');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404 });
    sandbox.resetCounters();
    await download('sw-am36', 'werkgevers');
    expect(sandbox.counters()).toEqual({ total: 1, byRoute: { 'werkgevers.csv': 1 }, faults: {} });
  });
});
