/**
 * Tests of the gemeente sandbox: deterministic output per seed, the JSON systems' page/size paging
 * and key lookups with their limits, the CSV exports' format, how corrupt slices are rendered, and
 * problem+json answers for unknown sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { isValidBsn } from '../../adapters/kit/bsn.js';
import { generateWorld } from '../generator/world.js';
import type { Persoon, World } from '../generator/world-types.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startGemeenteSandbox } from './server.js';

const bronnen = loadBronnen();
const OPTIONS = { seed: 4711, kandidaten: 2000, vacatures: 600, werkgevers: 600, malformedRate: 0.1 };
let world: World;
let sandbox: PartnerServer;

beforeAll(async () => {
  world = generateWorld(OPTIONS, bronnen);
  sandbox = await startGemeenteSandbox(world, bronnen);
});
afterAll(() => sandbox.close());

const formaatVan = (bronId: string) => bronnen.gemeente.find((b) => b.id === bronId)?.formaat;
const klantenVan = (bronId: string) => world.personen.filter((p) => p.gemeente?.bronId === bronId);

/** The JSON system with the most clients, so paging has several pages. */
function grootsteJsonSysteem(): string {
  const counts = new Map<string, number>();
  for (const p of world.personen) if (p.gemeente && formaatVan(p.gemeente.bronId) === 'json') counts.set(p.gemeente.bronId, (counts.get(p.gemeente.bronId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
}

function persoonMet(predicate: (p: Persoon) => boolean): Persoon & { gemeente: NonNullable<Persoon['gemeente']> } {
  const persoon = world.personen.find((p) => p.gemeente && predicate(p));
  if (!persoon?.gemeente) throw new Error('no such person in the test world');
  return persoon as Persoon & { gemeente: NonNullable<Persoon['gemeente']> };
}

async function get(path: string): Promise<{ status: number; contentType: string; text: string }> {
  const response = await fetch(`${sandbox.url}${path}`);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

async function getJson(path: string): Promise<{ data: Record<string, unknown>[]; pagina: Record<string, number> }> {
  const response = await get(path);
  expect(response.status, response.text).toBe(200);
  return JSON.parse(response.text) as { data: Record<string, unknown>[]; pagina: Record<string, number> };
}

describe('determinism', () => {
  it('serves the same bytes for the same seed', async () => {
    const twin = await startGemeenteSandbox(generateWorld(OPTIONS, bronnen), bronnen);
    try {
      const json = `/systemen/${grootsteJsonSysteem()}/api/v1/klanten?page=1&size=200`;
      const csvBron = bronnen.gemeente.find((b) => b.formaat === 'csv' && klantenVan(b.id).length > 0)?.id as string;
      for (const path of [json, `/exports/${csvBron}/klanten.csv`, `/exports/${csvBron}/instrumenten.csv`]) {
        const [a, b] = await Promise.all([get(path), fetch(`${twin.url}${path}`).then((r) => r.text())]);
        expect(a.text.length).toBeGreaterThan(100);
        expect(a.text).toBe(b);
      }
    } finally {
      await twin.close();
    }
  });
});

describe('JSON systems', () => {
  it('pages with page/size and reports totals in `pagina`', async () => {
    const bronId = grootsteJsonSysteem();
    const totaal = klantenVan(bronId).length;
    const first = await getJson(`/systemen/${bronId}/api/v1/klanten?page=1&size=3`);
    expect(first.pagina).toEqual({ nummer: 1, grootte: 3, totaal_elementen: totaal, totaal_paginas: Math.ceil(totaal / 3) });

    const alle: unknown[] = [];
    for (let page = 1; page <= first.pagina.totaal_paginas!; page++) alle.push(...(await getJson(`/systemen/${bronId}/api/v1/klanten?page=${page}&size=3`)).data);
    expect(alle.map((r) => (r as { klantnummer: string }).klantnummer)).toEqual(klantenVan(bronId).map((p) => p.gemeente?.klantnummer));
  });

  it('defaults to pages of 100 and refuses pages over 200', async () => {
    const bronId = grootsteJsonSysteem();
    expect((await getJson(`/systemen/${bronId}/api/v1/klanten`)).pagina.grootte).toBe(100);
    const tooBig = await get(`/systemen/${bronId}/api/v1/klanten?page=1&size=201`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.contentType).toContain('application/problem+json');
    expect((await get(`/systemen/${bronId}/api/v1/klanten?page=0`)).status).toBe(400);
  });

  it('renders clients in snake_case with ISO dates and a valid BSN', async () => {
    const persoon = persoonMet((p) => formaatVan(p.gemeente?.bronId ?? '') === 'json' && !p.gemeente?.corrupt && p.tussenvoegsel === '');
    const { data } = await getJson(`/systemen/${persoon.gemeente.bronId}/api/v1/klanten?klantnummers=${persoon.gemeente.klantnummer}`);
    expect(data).toEqual([
      expect.objectContaining({
        klantnummer: persoon.gemeente.klantnummer,
        geboortedatum: persoon.geboortedatum,
        gemeentecode: persoon.gemeenteCode,
        tussenvoegsel: null,
        regeling: persoon.gemeente.regeling,
        participatieladder_trede: persoon.gemeente.trede,
        in_beeld_sinds: persoon.gemeente.sinds,
        gewijzigd_op: persoon.gemeente.bijgewerktOp,
      }),
    ]);
    expect(data[0]?.geboortedatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isValidBsn(String(data[0]?.bsn))).toBe(true);
  });

  it('looks up a batch of own keys in one request and skips unknown keys', async () => {
    const bronId = grootsteJsonSysteem();
    const nummers = klantenVan(bronId).slice(0, 5).map((p) => p.gemeente?.klantnummer);
    sandbox.resetCounters();
    const { data } = await getJson(`/systemen/${bronId}/api/v1/klanten?klantnummers=${[...nummers, 'K99999999'].join(',')}`);
    expect(data.map((r) => r.klantnummer)).toEqual(nummers);
    expect(sandbox.counters().total).toBe(1);

    const werkgever = world.werkgevers.find((w) => w.gemeente && formaatVan(w.gemeente.bronId) === 'json');
    const werkgevers = await getJson(`/systemen/${werkgever?.gemeente?.bronId}/api/v1/werkgevers?kvk_nummers=${werkgever?.kvkNummer}`);
    expect(werkgevers.data).toEqual([expect.objectContaining({ kvk_nummer: werkgever?.kvkNummer, handelsnaam: werkgever?.naam })]);

    const vacature = world.vacatures.find((v) => v.gemeente && formaatVan(v.gemeente.bronId) === 'json');
    const vacatures = await getJson(`/systemen/${vacature?.gemeente?.bronId}/api/v1/vacatures?nummers=${vacature?.gemeente?.nummer}`);
    expect(vacatures.data).toEqual([expect.objectContaining({ nummer: vacature?.gemeente?.nummer, titel: vacature?.titel, kvk_nummer: vacature?.kvkNummer })]);
  });

  it('refuses a lookup of more than 200 keys', async () => {
    const keys = Array.from({ length: 201 }, (_, i) => `K${i}`).join(',');
    const response = await get(`/systemen/${grootsteJsonSysteem()}/api/v1/klanten?klantnummers=${keys}`);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('serves a corrupt client without a required field but with its key and BSN', async () => {
    const persoon = persoonMet((p) => formaatVan(p.gemeente?.bronId ?? '') === 'json' && p.gemeente?.corrupt === true);
    const { data } = await getJson(`/systemen/${persoon.gemeente.bronId}/api/v1/klanten?klantnummers=${persoon.gemeente.klantnummer}`);
    const record = data[0] as Record<string, unknown>;
    expect(record.klantnummer).toBe(persoon.gemeente.klantnummer);
    expect(record.bsn).toBe(persoon.bsn);
    expect('geboortedatum' in record && 'participatieladder_trede' in record).toBe(false);
  });

  it('serves the instruments of the system’s gemeenten', async () => {
    const bron = bronnen.gemeente.find((b) => b.formaat === 'json');
    const { data } = await getJson(`/systemen/${bron?.id}/api/v1/instrumenten?page=1&size=200`);
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((i) => i.gemeentecode))).toEqual(new Set(bron?.gemeenten));
  });
});

describe('CSV exports', () => {
  it('are `;` separated with a header, dd-mm-jjjj dates and J/N booleans', async () => {
    const persoon = persoonMet((p) => formaatVan(p.gemeente?.bronId ?? '') === 'csv' && !p.gemeente?.corrupt && p.competenties.length > 1);
    const response = await get(`/exports/${persoon.gemeente.bronId}/klanten.csv`);
    expect(response.contentType).toContain('text/csv');
    const [header, ...rows] = response.text.trim().split('\r\n');
    expect(header).toBe(
      'klantnummer;bsn;voornamen;tussenvoegsel;achternaam;geboortedatum;gemeentecode;postcode;regeling;participatieladder_trede;klantmanager;in_beeld_sinds;statushouder;startkwalificatie;competenties;werk_denkniveau;beschikbaar_per;gewijzigd_op',
    );
    const row = rows.find((r) => r.startsWith(`${persoon.gemeente.klantnummer};`))?.split(';') ?? [];
    const [y, m, d] = persoon.geboortedatum.split('-');
    expect(row[5]).toBe(`${d}-${m}-${y}`);
    expect(row[12]).toBe(persoon.statushouder ? 'J' : 'N');
    expect(row[14]).toBe(persoon.competenties.join('|'));
    expect(row[17]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(rows).toHaveLength(klantenVan(persoon.gemeente.bronId).length);
  });

  it('render a corrupt client with an impossible date', async () => {
    const persoon = persoonMet((p) => formaatVan(p.gemeente?.bronId ?? '') === 'csv' && p.gemeente?.corrupt === true);
    const { text } = await get(`/exports/${persoon.gemeente.bronId}/klanten.csv`);
    const row = text.split('\r\n').find((r) => r.startsWith(`${persoon.gemeente.klantnummer};`))?.split(';') ?? [];
    expect(row[1]).toBe(persoon.bsn);
    expect(row[5]).toMatch(/^31-02-\d{4}$/);
  });
});

describe('unknown sources', () => {
  it('answer 404 problem+json, also for a source under the other format', async () => {
    const csvBron = bronnen.gemeente.find((b) => b.formaat === 'csv')?.id;
    const jsonBron = bronnen.gemeente.find((b) => b.formaat === 'json')?.id;
    for (const path of ['/systemen/gm-bestaat-niet/api/v1/klanten', `/systemen/${csvBron}/api/v1/klanten`, `/exports/${jsonBron}/klanten.csv`]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.contentType).toContain('application/problem+json');
    }
  });
});
