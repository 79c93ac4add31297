/**
 * The SBB sandbox speaks SBB's dialect: deterministic bytes per seed, ISO dates, cursor pages of at
 * most 25, lookups of at most 25 keys, and corrupt slices served without one required field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { generateWorld } from '../generator/world.js';
import type { World } from '../generator/world-types.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startOnderwijsSandbox } from './server.js';

interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

const bronnen = loadBronnen();
const options = { kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 };
let world: World;
let sandbox: PartnerServer;

beforeAll(async () => {
  world = generateWorld(options, bronnen);
  sandbox = await startOnderwijsSandbox(world, bronnen);
});
afterAll(() => sandbox.close());

async function get(path: string, server: PartnerServer = sandbox): Promise<Response> {
  return fetch(server.url + path);
}

async function page(path: string): Promise<Page> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

async function all(path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const current = await page(`${path}?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(current.items.length).toBeLessThanOrEqual(25);
    items.push(...current.items);
    cursor = current.nextCursor;
  } while (cursor);
  return items;
}

describe('onderwijs sandbox', () => {
  it('serves the same bytes for the same seed', async () => {
    const twin = await startOnderwijsSandbox(generateWorld(options, bronnen), bronnen);
    try {
      for (const path of ['/api/v1/deelnemers?limit=25', '/api/v1/leerbedrijven?limit=10', '/api/v1/leerbanen?limit=25']) {
        expect(await (await get(path, twin)).text()).toBe(await (await get(path)).text());
      }
    } finally {
      await twin.close();
    }
  });

  it('pages every deelnemer through the cursor, 25 at most, with ISO dates', async () => {
    const items = await all('/api/v1/deelnemers');
    expect(items).toHaveLength(world.personen.filter((p) => p.onderwijs).length);
    expect(new Set(items.map((i) => i.deelnemernummer)).size).toBe(items.length);
    const valid = items.find((i) => 'geboortedatum' in i);
    expect(valid?.geboortedatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((valid?.diplomas as { behaaldOp: string }[])[0]?.behaaldOp).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a limit above 25 and an unknown cursor with HTTP 400 problem+json', async () => {
    for (const path of ['/api/v1/leerbedrijven?limit=26', '/api/v1/leerbedrijven?cursor=bogus']) {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('serves a corrupt slice without its required field, keeping the id (and the bsn)', async () => {
    const persoon = world.personen.find((p) => p.onderwijs?.corrupt);
    const werkgever = world.werkgevers.find((w) => w.onderwijs?.corrupt);
    expect(persoon && werkgever).toBeTruthy();
    const [deelnemer] = (await page(`/api/v1/deelnemers?deelnemernummers=${persoon?.onderwijs?.deelnemernummer}`)).items;
    expect(deelnemer).toMatchObject({ deelnemernummer: persoon?.onderwijs?.deelnemernummer, bsn: persoon?.bsn });
    expect(deelnemer).not.toHaveProperty('geboortedatum');
    const [leerbedrijf] = (await page(`/api/v1/leerbedrijven?kvkNummers=${werkgever?.kvkNummer}`)).items;
    expect(leerbedrijf).toMatchObject({ kvkNummer: werkgever?.kvkNummer });
    expect(leerbedrijf).not.toHaveProperty('erkenningen');
    const leerbanen = await all('/api/v1/leerbanen');
    const corrupt = world.vacatures.filter((v) => v.onderwijs?.corrupt).map((v) => v.onderwijs?.leerbaanId);
    expect(corrupt.length).toBeGreaterThan(0);
    expect(leerbanen.filter((l) => !('geplaatstOp' in l)).map((l) => l.id)).toEqual(corrupt);
  });

  it('looks up leerbanen by id, leaving unknown ids out, at most 25 ids a call', async () => {
    const ids = world.vacatures.flatMap((v) => (v.onderwijs ? [v.onderwijs.leerbaanId] : [])).slice(0, 3);
    const found = await page(`/api/v1/leerbanen?ids=${[...ids, 'LB-ONBEKEND'].join(',')}`);
    expect(found.items.map((i) => i.id)).toEqual(ids);
    expect(found.nextCursor).toBeNull();
    expect(found.items[0]).toMatchObject({ leerweg: 'BBL', creboCode: expect.stringMatching(/^\d{5}$/) });
    const tooMany = await get(`/api/v1/leerbanen?ids=${Array.from({ length: 26 }, (_, i) => `LB${i}`).join(',')}`);
    expect(tooMany.status).toBe(400);
  });

  it('lists only the onderwijs instruments', async () => {
    const items = await all('/api/v1/instrumenten');
    expect(items.map((i) => i.id)).toEqual(world.instrumenten.filter((i) => i.aanbieder === 'ONDERWIJS').map((i) => i.id));
  });
});
