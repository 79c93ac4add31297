/**
 * The onderwijs subgraph over HTTP against the SBB sandbox: entity references resolve to diplomas,
 * leerbedrijf status and leerbanen; a malformed SBB record or a failing SBB gives null plus an error
 * that names the partner, while the rest of the response is served; batches cost one call per 25.
 * Access: no token is a 401; a missing or forged access decision or a missing purpose withholds the
 * diplomas; every onderwijs record returned is recorded in the audit log first.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { vacatureId } from '../../adapters/kit/vacature-id.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import type { World } from '../../sandbox/generator/world-types.js';
import type { PartnerServer } from '../../sandbox/kit/partner-server.js';
import { startOnderwijsSandbox } from '../../sandbox/onderwijs/server.js';
import { subgraphTestAccess, TEST_KLANTMANAGER } from '../../test/support/access.js';
import type { RunningSubgraph } from '../kit/server.js';
import { startOnderwijsSubgraph } from './server.js';

interface GraphQLResponse {
  data?: { _entities: (Record<string, unknown> | null)[] } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}


const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Kandidaat { id onderwijs { diplomas { crebo opleiding niveau soort behaaldOp } bijgewerktOp } }
  ... on Werkgever { kvkNummer leerbedrijf { erkend erkenningen { crebo opleiding erkendSinds } } }
  ... on Vacature { id leerbaan { crebo opleiding leerweg } }
} }`;

const pseudonymize = createPseudonymizer('onderwijs-subgraph-test-pseudoniemsleutel');
const t = subgraphTestAccess('onderwijs');
let world: World;
let sandbox: PartnerServer;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  const bronnen = loadBronnen();
  world = generateWorld({ kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 }, bronnen);
  sandbox = await startOnderwijsSandbox(world, bronnen);
  subgraph = await startOnderwijsSubgraph({ bronnen: loadBronnen({ ONDERWIJS_BRON_URL: sandbox.url }), pseudonymize, access: t.deps });
});
afterAll(async () => {
  await subgraph?.stop();
  await sandbox?.close();
});
beforeEach(() => {
  sandbox.knobs.errorRate = 0;
  sandbox.resetCounters();
});

type Representation = { __typename: string; id?: string; kvkNummer?: string; toegang?: string };

/** As the router sends them: Kandidaat and Werkgever carry the loket's access decision. */
async function entities(representations: Representation[]): Promise<GraphQLResponse> {
  const response = await post(representations.map(t.granted), await t.headers());
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLResponse;
}

function post(representations: Representation[], headers: Record<string, string>): Promise<Response> {
  return fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY, variables: { r: representations } }) });
}

const kandidaat = (bsn: string): Representation => ({ __typename: 'Kandidaat', id: pseudonymize(bsn) });
const werkgever = (kvkNummer: string): Representation => ({ __typename: 'Werkgever', kvkNummer });

describe('onderwijs subgraph', () => {
  it("resolves a candidate's diplomas, an employer's recognition and a leerbaan; unknown ones are null", async () => {
    const persoon = world.personen.find((p) => p.onderwijs && !p.onderwijs.corrupt);
    const onbekend = world.personen.find((p) => !p.onderwijs);
    const leerbedrijf = world.werkgevers.find((w) => w.onderwijs && !w.onderwijs.corrupt);
    const vacature = world.vacatures.find((v) => v.onderwijs && !v.onderwijs.corrupt);
    const gewoneVacature = world.vacatures.find((v) => !v.onderwijs);
    if (!persoon?.onderwijs || !onbekend || !leerbedrijf?.onderwijs || !vacature?.onderwijs || !gewoneVacature) throw new Error('world lacks the needed records');
    const vacId = vacatureId(vacature.kvkNummer, vacature.titel, vacature.postcode);
    t.audit.length = 0;
    const result = await entities([
      kandidaat(persoon.bsn),
      kandidaat(onbekend.bsn),
      werkgever(leerbedrijf.kvkNummer),
      { __typename: 'Vacature', id: vacId },
      { __typename: 'Vacature', id: vacatureId(gewoneVacature.kvkNummer, gewoneVacature.titel, gewoneVacature.postcode) },
    ]);
    expect(result.errors).toBeUndefined();
    const [k, leeg, w, v, geen] = result.data?._entities ?? [];
    expect(k).toEqual({
      id: pseudonymize(persoon.bsn),
      onderwijs: {
        diplomas: persoon.onderwijs.diplomas.map((d) => ({ crebo: d.crebo, opleiding: d.naam, niveau: d.niveau, soort: d.soort, behaaldOp: d.datum })),
        bijgewerktOp: persoon.onderwijs.bijgewerktOp,
      },
    });
    expect(leeg).toEqual({ id: pseudonymize(onbekend.bsn), onderwijs: null });
    // The diplomas returned were recorded first; nothing for the person SBB does not know.
    expect(t.audit).toEqual([
      expect.objectContaining({ betrokkene: pseudonymize(persoon.bsn), velden: ['Kandidaat.onderwijs'], status: 'OK', resource: 'een-loket/onderwijs', doelbinding: 're-integratie' }),
    ]);
    expect(w).toEqual({
      kvkNummer: leerbedrijf.kvkNummer,
      leerbedrijf: { erkend: true, erkenningen: leerbedrijf.onderwijs.erkenningen.map((e) => ({ crebo: e.crebo, opleiding: e.opleiding, erkendSinds: e.sinds })) },
    });
    expect(v).toEqual({ id: vacId, leerbaan: { crebo: vacature.onderwijs.crebo, opleiding: expect.any(String), leerweg: 'BBL' } });
    expect(geen).toMatchObject({ leerbaan: null });
  });

  it('answers a malformed SBB record with null and PARTNER_RECORD_INVALID, serving the other entities', async () => {
    const corrupt = world.personen.find((p) => p.onderwijs?.corrupt);
    const goed = world.personen.find((p) => p.onderwijs && !p.onderwijs.corrupt);
    if (!corrupt?.onderwijs || !goed) throw new Error('world lacks a corrupt deelnemer');
    const result = await entities([kandidaat(corrupt.bsn), kandidaat(goed.bsn)]);
    expect(result.data?._entities[0]).toEqual({ id: pseudonymize(corrupt.bsn), onderwijs: null });
    expect(result.data?._entities[1]).toMatchObject({ onderwijs: { diplomas: expect.any(Array) } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'onderwijs']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PARTNER_RECORD_INVALID', bron: 'ONDERWIJS', record: corrupt.onderwijs.deelnemernummer, veld: 'geboortedatum' });
    expect(JSON.stringify(result)).not.toContain(corrupt.bsn);
  });

  it('costs one SBB call for 20 candidates and exactly two for 50 employers (25 keys a call)', async () => {
    const personen = world.personen.filter((p) => p.onderwijs).slice(0, 20);
    const candidates = await entities(personen.map((p) => kandidaat(p.bsn)));
    expect(candidates.data?._entities).toHaveLength(20);
    expect(sandbox.counters().byRoute).toEqual({ deelnemers: 1 });
    sandbox.resetCounters();
    const employers = await entities(world.werkgevers.slice(0, 50).map((w) => werkgever(w.kvkNummer)));
    expect(employers.data?._entities).toHaveLength(50);
    expect(sandbox.counters().byRoute).toEqual({ leerbedrijven: 2 });
  });

  it('answers PARTNER_UNAVAILABLE naming the bron when SBB fails, with the fields null and no crash', async () => {
    sandbox.knobs.errorRate = 1;
    const persoon = world.personen.find((p) => p.onderwijs);
    const bedrijf = world.werkgevers.find((w) => w.onderwijs);
    if (!persoon || !bedrijf) throw new Error('world lacks the needed records');
    const result = await entities([kandidaat(persoon.bsn), werkgever(bedrijf.kvkNummer)]);
    expect(result.data?._entities).toEqual([
      { id: pseudonymize(persoon.bsn), onderwijs: null },
      { kvkNummer: bedrijf.kvkNummer, leerbedrijf: null },
    ]);
    expect(result.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'PARTNER_UNAVAILABLE', bron: 'ONDERWIJS', bronSysteem: 'sbb' }),
      expect.objectContaining({ code: 'PARTNER_UNAVAILABLE', bron: 'ONDERWIJS', bronSysteem: 'sbb' }),
    ]);
  });

  describe('access', () => {
    const deelnemer = () => {
      const persoon = world.personen.find((p) => p.onderwijs && !p.onderwijs.corrupt);
      if (!persoon) throw new Error('world lacks a valid deelnemer');
      return persoon;
    };

    it('refuses a request without a token with 401 UNAUTHENTICATED and no data', async () => {
      const response = await post([t.granted(kandidaat(deelnemer().bsn))], {});
      expect(response.status).toBe(401);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('withholds the diplomas, unaudited, when the access decision is missing or forged', async () => {
      const persoon = deelnemer();
      t.audit.length = 0;

      const response = await post([kandidaat(persoon.bsn), t.tampered(t.granted(kandidaat(persoon.bsn)))], await t.headers());
      const result = (await response.json()) as GraphQLResponse;

      expect(result.data?._entities).toEqual([
        { id: pseudonymize(persoon.bsn), onderwijs: null },
        { id: pseudonymize(persoon.bsn), onderwijs: null },
      ]);
      expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.reden])).toEqual([
        [['_entities', 0, 'onderwijs'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
        [['_entities', 1, 'onderwijs'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
      ]);
      expect(t.audit).toEqual([]);
    });

    it('withholds the diplomas, unaudited, without the purpose headers', async () => {
      const persoon = deelnemer();
      // As the router sends it, but without x-doelbinding and x-verwerking.
      const zonderDoel = await t.headersFor(TEST_KLANTMANAGER);
      t.audit.length = 0;

      const response = await post([t.granted(kandidaat(persoon.bsn))], zonderDoel);
      const result = (await response.json()) as GraphQLResponse;

      expect(result.data?._entities).toEqual([{ id: pseudonymize(persoon.bsn), onderwijs: null }]);
      expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reden: 'DOELBINDING' })]);
      expect(t.audit).toEqual([]);
    });
  });
});
