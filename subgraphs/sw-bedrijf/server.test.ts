/**
 * The SW-bedrijf subgraph end to end: a seeded world in the SW-bedrijven sandbox, the subgraph in
 * front of it, `_entities` queries over HTTP as the gateway sends them. Checks the fields, the errors
 * a front-end gets for a malformed record or an unreachable SW-bedrijf, and the partner calls a batch
 * costs. Access: no token is a 401; a missing or forged access decision or a missing purpose withholds
 * the dienstverband; every dienstverband returned is recorded in the audit log first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen, type BronnenConfig } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import type { Persoon, World } from '../../sandbox/generator/world-types.js';
import type { PartnerServer } from '../../sandbox/kit/partner-server.js';
import { startSwBedrijfSandbox } from '../../sandbox/sw-bedrijf/server.js';
import { subgraphTestAccess, TEST_KLANTMANAGER } from '../../test/support/access.js';
import type { RunningSubgraph } from '../kit/server.js';
import { startSwBedrijfSubgraph } from './server.js';

const pseudonymize = createPseudonymizer('sw-bedrijf-subgraph-test-sleutel');
const t = subgraphTestAccess('sw-bedrijf');
let world: World;
let bronnen: BronnenConfig;
let sandbox: PartnerServer;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  const sandboxBronnen = loadBronnen();
  world = generateWorld({ kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 }, sandboxBronnen);
  sandbox = await startSwBedrijfSandbox(world, sandboxBronnen);
  bronnen = loadBronnen({ SW_BEDRIJF_BRON_URL: sandbox.url });
  subgraph = await startSwBedrijfSubgraph({ port: 0, bronnen, pseudonymize, log: () => {}, access: t.deps });
});

afterAll(async () => {
  await subgraph.stop();
  await sandbox.close();
});

const KANDIDAAT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Kandidaat { id swDienstverband {
  swBedrijf soort inDienstSinds werkfit urenPerWeek gedetacheerdBij { kvkNummer } } } } }`;
const WERKGEVER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Werkgever { kvkNummer swDetacheringen {
  swBedrijf aantalMedewerkers urenPerWeek } } } }`;

interface GraphQLResponse {
  data?: { _entities: (Record<string, unknown> | null)[] };
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

type Representation = { __typename: string; id?: string; kvkNummer?: string; toegang?: string };

/** As the router sends them: Kandidaat and Werkgever carry the loket's access decision. */
async function entities(query: string, representations: Representation[]): Promise<GraphQLResponse> {
  const response = await post(query, representations.map(t.granted), await t.headers());
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLResponse;
}

function post(query: string, representations: Representation[], headers: Record<string, string>): Promise<Response> {
  return fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables: { r: representations } }) });
}

type SwPersoon = Persoon & { sw: NonNullable<Persoon['sw']> };
const swPersonen = (): SwPersoon[] => world.personen.filter((p): p is SwPersoon => p.sw !== undefined);
const kandidaat = (p: Persoon): Representation => ({ __typename: 'Kandidaat', id: pseudonymize(p.bsn) });
const naamVan = (bronId: string) => bronnen.swBedrijf.find((b) => b.id === bronId)?.naam;

describe('SW-bedrijf subgraph', () => {
  it('resolves Kandidaat.swDienstverband from the SW-bedrijf, null for a person it does not employ', async () => {
    const persoon = swPersonen().find((p) => !p.sw.corrupt && p.sw.gedetacheerdBij !== null);
    const ander = world.personen.find((p) => p.sw === undefined);
    if (!persoon || !ander) throw new Error('test world lacks the people this test needs');
    t.audit.length = 0;
    const result = await entities(KANDIDAAT, [kandidaat(persoon), kandidaat(ander)]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: pseudonymize(persoon.bsn),
        swDienstverband: {
          swBedrijf: naamVan(persoon.sw.bronId),
          soort: persoon.sw.dienstverband,
          inDienstSinds: persoon.sw.sinds,
          werkfit: persoon.sw.werkfit,
          urenPerWeek: persoon.sw.urenPerWeek,
          gedetacheerdBij: { kvkNummer: persoon.sw.gedetacheerdBij },
        },
      },
      { id: pseudonymize(ander.bsn), swDienstverband: null },
    ]);
    // The dienstverband returned was recorded first; nothing for the person not employed.
    expect(t.audit).toEqual([
      expect.objectContaining({ betrokkene: pseudonymize(persoon.bsn), velden: ['Kandidaat.swDienstverband'], status: 'OK', resource: 'een-loket/sw-bedrijf', doelbinding: 're-integratie' }),
    ]);
  });

  it('gives null plus PARTNER_RECORD_INVALID for a malformed record, while the others resolve', async () => {
    const corrupt = swPersonen().find((p) => p.sw.corrupt);
    const goed = swPersonen().find((p) => !p.sw.corrupt);
    if (!corrupt || !goed) throw new Error('test world lacks a corrupt and a valid SW employee');
    const result = await entities(KANDIDAAT, [kandidaat(goed), kandidaat(corrupt)]);
    expect(result.data?._entities[0]?.swDienstverband).toMatchObject({ soort: goed.sw.dienstverband });
    expect(result.data?._entities[1]).toEqual({ id: pseudonymize(corrupt.bsn), swDienstverband: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 1, 'swDienstverband']);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'PARTNER_RECORD_INVALID',
      bron: 'SW_BEDRIJF',
      bronSysteem: corrupt.sw.bronId,
      record: corrupt.sw.personeelsnummer,
      veld: 'in_dienst_sinds',
    });
    expect(JSON.stringify(result)).not.toContain(corrupt.bsn);
  });

  it('resolves a batch of 20 candidates with one download per SW-bedrijf', async () => {
    const batch = swPersonen().slice(0, 20);
    const bedrijven = new Set(batch.map((p) => p.sw.bronId));
    sandbox.resetCounters();
    const result = await entities(KANDIDAAT, batch.map(kandidaat));
    expect(result.data?._entities.filter((e) => e?.swDienstverband !== null)).toHaveLength(batch.filter((p) => !p.sw.corrupt).length);
    expect(sandbox.counters()).toEqual({ total: bedrijven.size, byRoute: { 'medewerkers.csv': bedrijven.size }, faults: {} });
  });

  it('resolves Werkgever.swDetacheringen as an aggregate, null where nobody is seconded', async () => {
    const kvk = swPersonen().find((p) => p.sw.gedetacheerdBij !== null)?.sw.gedetacheerdBij;
    const zonder = world.werkgevers.find((w) => !world.personen.some((p) => p.sw?.gedetacheerdBij === w.kvkNummer));
    if (!kvk || !zonder) throw new Error('test world lacks the employers this test needs');
    const gedetacheerd = swPersonen().filter((p) => p.sw.gedetacheerdBij === kvk);
    const result = await entities(WERKGEVER, [
      { __typename: 'Werkgever', kvkNummer: kvk },
      { __typename: 'Werkgever', kvkNummer: zonder.kvkNummer },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        kvkNummer: kvk,
        swDetacheringen: {
          swBedrijf: naamVan(gedetacheerd[0]?.sw.bronId ?? ''),
          aantalMedewerkers: gedetacheerd.length,
          urenPerWeek: gedetacheerd.reduce((som, p) => som + p.sw.urenPerWeek, 0),
        },
      },
      { kvkNummer: zonder.kvkNummer, swDetacheringen: null },
    ]);
  });

  it('gives PARTNER_UNAVAILABLE naming the bron when the SW-bedrijf fails, the rest of the answer intact', async () => {
    const persoon = swPersonen().find((p) => !p.sw.corrupt);
    if (!persoon) throw new Error('test world lacks a valid SW employee');
    sandbox.knobs.errorRate = 1;
    try {
      const result = await entities(KANDIDAAT, [kandidaat(persoon)]);
      expect(result.data?._entities).toEqual([{ id: pseudonymize(persoon.bsn), swDienstverband: null }]);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', bron: 'SW_BEDRIJF', bronSysteem: persoon.sw.bronId });
    } finally {
      sandbox.knobs.errorRate = 0;
    }
    const recovered = await entities(KANDIDAAT, [kandidaat(persoon)]);
    expect(recovered.errors).toBeUndefined();
  });

  describe('access', () => {
    const medewerker = () => {
      const persoon = swPersonen().find((p) => !p.sw.corrupt);
      if (!persoon) throw new Error('test world lacks a valid SW employee');
      return persoon;
    };

    it('refuses a request without a token with 401 UNAUTHENTICATED and no data', async () => {
      const response = await post(KANDIDAAT, [t.granted(kandidaat(medewerker()))], {});
      expect(response.status).toBe(401);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('withholds the dienstverband, unaudited, when the access decision is missing or forged', async () => {
      const persoon = medewerker();
      t.audit.length = 0;

      const response = await post(KANDIDAAT, [kandidaat(persoon), t.tampered(t.granted(kandidaat(persoon)))], await t.headers());
      const result = (await response.json()) as GraphQLResponse;

      expect(result.data?._entities).toEqual([
        { id: pseudonymize(persoon.bsn), swDienstverband: null },
        { id: pseudonymize(persoon.bsn), swDienstverband: null },
      ]);
      expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.reden])).toEqual([
        [['_entities', 0, 'swDienstverband'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
        [['_entities', 1, 'swDienstverband'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
      ]);
      expect(t.audit).toEqual([]);
    });

    it('withholds the dienstverband, unaudited, without the purpose headers', async () => {
      const persoon = medewerker();
      // As the router sends it, but without x-doelbinding and x-verwerking.
      const zonderDoel = await t.headersFor(TEST_KLANTMANAGER);
      t.audit.length = 0;

      const response = await post(KANDIDAAT, [t.granted(kandidaat(persoon))], zonderDoel);
      const result = (await response.json()) as GraphQLResponse;

      expect(result.data?._entities).toEqual([{ id: pseudonymize(persoon.bsn), swDienstverband: null }]);
      expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reden: 'DOELBINDING' })]);
      expect(t.audit).toEqual([]);
    });
  });
});
