/**
 * The werkgeversvereniging sandbox speaks JSON:API as the associations do: paged lists with links,
 * included memberships, lookups by key, `errors` documents for bad requests, and corrupt slices
 * served with a missing required attribute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { generateWorld } from '../generator/world.js';
import type { World } from '../generator/world-types.js';
import type { PartnerServer } from '../kit/partner-server.js';
import { startWerkgeversverenigingSandbox } from './server.js';

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string } | null }>;
}
interface Document {
  data: Resource[];
  included?: Resource[];
  meta: { totalResources: number; totalPages: number };
  links: Record<string, string>;
  errors?: { status: string; code: string; source?: { parameter: string } }[];
}

const OPTIONS = { kandidaten: 50, vacatures: 400, werkgevers: 200, malformedRate: 0.1 };
const bronnen = loadBronnen();
let world: World;
let sandbox: PartnerServer;

async function get(path: string, server: PartnerServer = sandbox): Promise<{ status: number; contentType: string | null; document: Document; text: string }> {
  const response = await fetch(server.url + path);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), document: JSON.parse(text) as Document, text };
}

beforeAll(async () => {
  world = generateWorld(OPTIONS, bronnen);
  sandbox = await startWerkgeversverenigingSandbox(world, bronnen, { port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

describe('werkgeversvereniging sandbox', () => {
  it('serves the same bytes for the same seed', async () => {
    const other = await startWerkgeversverenigingSandbox(generateWorld(OPTIONS, bronnen), bronnen, { port: 0 });
    try {
      for (const path of ['/jsonapi/werkgevers?page[number]=2&page[size]=50&include=lidmaatschap', '/jsonapi/vacatures?page[size]=100', '/jsonapi/instrumenten']) {
        expect((await get(path, other)).text).toBe((await get(path)).text);
      }
    } finally {
      await other.close();
    }
  });

  it('lists every member employer once across pages, following links.next', async () => {
    const members = world.werkgevers.filter((w) => w.werkgeversvereniging);
    const seen: string[] = [];
    let path: string | undefined = '/jsonapi/werkgevers?page[size]=30';
    while (path) {
      const { contentType, document } = await get(path);
      expect(contentType).toBe('application/vnd.api+json');
      expect(document.meta.totalResources).toBe(members.length);
      seen.push(...document.data.map((r) => r.id));
      path = document.links.next;
    }
    expect(seen).toEqual(members.map((w) => w.kvkNummer));
  });

  it('pages 20 by default and refuses a page size above 100 with a JSON:API error', async () => {
    expect((await get('/jsonapi/vacatures')).document.data).toHaveLength(20);
    const tooBig = await get('/jsonapi/werkgevers?page[size]=101');
    expect(tooBig.status).toBe(400);
    expect(tooBig.contentType).toBe('application/vnd.api+json');
    expect(tooBig.document.errors?.[0]).toMatchObject({ status: '400', source: { parameter: 'page[size]' } });
  });

  it('renders employer attributes from the world, with the membership only when included', async () => {
    const member = world.werkgevers.find((w) => w.werkgeversvereniging && !w.werkgeversvereniging.corrupt);
    if (!member?.werkgeversvereniging) throw new Error('world has no valid member');
    const plain = await get(`/jsonapi/werkgevers?filter[kvkNummer]=${member.kvkNummer}`);
    expect(plain.document.included).toBeUndefined();
    const { document } = await get(`/jsonapi/werkgevers?filter[kvkNummer]=${member.kvkNummer}&include=lidmaatschap`);
    const [resource] = document.data;
    expect(resource).toMatchObject({
      type: 'werkgevers',
      id: member.kvkNummer,
      attributes: {
        kvkNummer: member.kvkNummer,
        handelsnaam: member.naam,
        sbiCode: member.sbiCode,
        sector: member.sector,
        vestigingsgemeente: member.gemeenteCode,
        werkleerplekken: member.werkgeversvereniging.werkleerplekken,
      },
    });
    expect(resource?.attributes.gewijzigdOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const linkage = resource?.relationships?.lidmaatschap?.data;
    const lidmaatschap = document.included?.find((r) => r.type === linkage?.type && r.id === linkage?.id);
    expect(lidmaatschap?.attributes).toEqual({
      branche: member.werkgeversvereniging.branche,
      vereniging: member.werkgeversvereniging.vereniging,
      cao: member.werkgeversvereniging.cao,
      lidSinds: member.werkgeversvereniging.lidSinds,
    });
    expect(lidmaatschap?.attributes.lidSinds).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('looks employers up by a batch of KvK numbers, in the order asked, skipping non-members', async () => {
    const members = world.werkgevers.filter((w) => w.werkgeversvereniging).slice(0, 3).map((w) => w.kvkNummer);
    const nonMember = world.werkgevers.find((w) => !w.werkgeversvereniging)?.kvkNummer ?? '00000000';
    const asked = [members[2], nonMember, members[0], members[1]].join(',');
    const { document } = await get(`/jsonapi/werkgevers?filter[kvkNummer]=${asked}&page[size]=100`);
    expect(document.data.map((r) => r.id)).toEqual([members[2], members[0], members[1]]);
  });

  it('refuses more than 100 keys and unsupported filters or includes', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => String(10_000_000 + i)).join(',');
    const tooMany = await get(`/jsonapi/werkgevers?filter[kvkNummer]=${keys}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.document.errors?.[0]?.code).toBe('too-many-filter-values');
    expect((await get('/jsonapi/werkgevers?filter[naam]=x')).document.errors?.[0]?.source?.parameter).toBe('filter[naam]');
    expect((await get('/jsonapi/vacatures?include=werkgever')).status).toBe(400);
  });

  it('serves a corrupt slice without a required attribute but with its id', async () => {
    const corruptMember = world.werkgevers.find((w) => w.werkgeversvereniging?.corrupt);
    const corruptVacature = world.vacatures.find((v) => v.werkgeversvereniging?.corrupt);
    if (!corruptMember || !corruptVacature?.werkgeversvereniging) throw new Error('world has no corrupt slices');
    const werkgever = (await get(`/jsonapi/werkgevers?filter[kvkNummer]=${corruptMember.kvkNummer}`)).document.data[0];
    expect(werkgever?.id).toBe(corruptMember.kvkNummer);
    expect(werkgever?.attributes).not.toHaveProperty('handelsnaam');
    expect(werkgever?.attributes.kvkNummer).toBe(corruptMember.kvkNummer);
    const vacature = (await get(`/jsonapi/vacatures?filter[id]=${corruptVacature.werkgeversvereniging.id}`)).document.data[0];
    expect(vacature?.id).toBe(corruptVacature.werkgeversvereniging.id);
    expect(vacature?.attributes).not.toHaveProperty('geplaatstOp');
    expect(vacature?.attributes.titel).toBe(corruptVacature.titel);
  });

  it('renders branche vacancies with Dutch postcodes and ISO dates, looked up by id', async () => {
    const vacature = world.vacatures.find((v) => v.werkgeversvereniging && !v.werkgeversvereniging.corrupt);
    if (!vacature?.werkgeversvereniging) throw new Error('world has no valid branche vacancy');
    const { document } = await get(`/jsonapi/vacatures?filter[id]=${vacature.werkgeversvereniging.id},bv-unknown`);
    expect(document.data).toHaveLength(1);
    expect(document.data[0]?.attributes).toMatchObject({
      kvkNummer: vacature.kvkNummer,
      titel: vacature.titel,
      branche: vacature.werkgeversvereniging.branche,
      gemeente: vacature.gemeenteCode,
      postcode: `${vacature.postcode.slice(0, 4)} ${vacature.postcode.slice(4)}`,
      urenPerWeek: vacature.urenPerWeek,
      geplaatstOp: vacature.geplaatstOp,
    });
  });

  it('lists only the sector funds of the associations as instruments, in kebab-case codes', async () => {
    const { document } = await get('/jsonapi/instrumenten?page[size]=100');
    const expected = world.instrumenten.filter((i) => i.aanbieder === 'WERKGEVERSVERENIGING');
    expect(document.data.map((r) => r.id)).toEqual(expected.map((i) => i.id));
    const valid = document.data.find((r) => 'naam' in r.attributes);
    expect(valid?.attributes.soort).toBe('subsidie');
    expect(valid?.attributes.doelgroepen).toContain('vijftig-plus');
  });
});
