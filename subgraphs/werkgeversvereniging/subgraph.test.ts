/**
 * The werkgeversvereniging subgraph over HTTP against its sandbox: `_entities` for employers and
 * vacancies as the gateway sends them, a malformed record and a failing partner reported per field
 * while the rest of the request resolves, and one partner call per batch. Access: no token is a 401,
 * and an employer without a valid access decision of the loket gets none of its membership data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { vacatureId } from '../../adapters/kit/vacature-id.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import type { Vacature, Werkgever, World } from '../../sandbox/generator/world-types.js';
import type { PartnerServer } from '../../sandbox/kit/partner-server.js';
import { startWerkgeversverenigingSandbox } from '../../sandbox/werkgeversvereniging/server.js';
import { subgraphTestAccess } from '../../test/support/access.js';
import type { RunningSubgraph } from '../kit/server.js';
import { startWerkgeversverenigingSubgraph } from './server.js';


interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}
interface WerkgeverResult {
  kvkNummer: string;
  sbiCode: string | null;
  sector: string | null;
  werkleerplekken: number | null;
  lidmaatschap: { branche: string; vereniging: string; cao: string; lidSinds: string } | null;
}
interface VacatureResult {
  id: string;
  brancheVacature: { branche: string } | null;
}
interface EntitiesResponse<T> {
  data?: { _entities: (T | null)[] };
  errors?: GraphQLError[];
}

const WERKGEVER_FIELDS = '... on Werkgever { kvkNummer sbiCode sector werkleerplekken lidmaatschap { branche vereniging cao lidSinds } }';
const VACATURE_FIELDS = '... on Vacature { id brancheVacature { branche } }';

const t = subgraphTestAccess('werkgeversvereniging');
let world: World;
let sandbox: PartnerServer;
let subgraph: RunningSubgraph;

type Representation = { __typename: string; id?: string; kvkNummer?: string; toegang?: string };

/** As the router sends them: a Werkgever carries the loket's access decision. */
async function entities<T>(fields: string, representations: Representation[]): Promise<EntitiesResponse<T>> {
  return (await post(fields, representations.map(t.granted), await t.headers())).json() as Promise<EntitiesResponse<T>>;
}

function post(fields: string, representations: Representation[], headers: Record<string, string>): Promise<Response> {
  return fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: `query($r:[_Any!]!){ _entities(representations:$r){ ${fields} } }`, variables: { r: representations } }),
  });
}

const werkgeverRef = (w: Werkgever): Representation => ({ __typename: 'Werkgever', kvkNummer: w.kvkNummer });
const vacatureRef = (v: Vacature) => ({ __typename: 'Vacature', id: vacatureId(v.kvkNummer, v.titel, v.postcode) });

function pick<T>(items: T[], predicate: (item: T) => boolean, what: string): T {
  const found = items.find(predicate);
  if (!found) throw new Error(`test world has no ${what}`);
  return found;
}

beforeAll(async () => {
  world = generateWorld({ kandidaten: 50, vacatures: 400, werkgevers: 150, malformedRate: 0.1 });
  sandbox = await startWerkgeversverenigingSandbox(world, loadBronnen(), { port: 0 });
  subgraph = await startWerkgeversverenigingSubgraph({ port: 0, bronnen: loadBronnen({ WERKGEVERSVERENIGING_BRON_URL: sandbox.url }), access: t.deps });
});
afterAll(async () => {
  await subgraph?.stop();
  await sandbox?.close();
});

describe('werkgeversvereniging subgraph', () => {
  it('resolves a member employer with its membership, and a non-member to nulls without errors', async () => {
    const member = pick(world.werkgevers, (w) => w.werkgeversvereniging?.corrupt === false, 'valid member');
    const nonMember = pick(world.werkgevers, (w) => !w.werkgeversvereniging, 'non-member');

    const result = await entities<WerkgeverResult>(WERKGEVER_FIELDS, [werkgeverRef(member), werkgeverRef(nonMember)]);

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        kvkNummer: member.kvkNummer,
        sbiCode: member.sbiCode,
        sector: member.sector,
        werkleerplekken: member.werkgeversvereniging?.werkleerplekken,
        lidmaatschap: {
          branche: member.werkgeversvereniging?.branche,
          vereniging: member.werkgeversvereniging?.vereniging,
          cao: member.werkgeversvereniging?.cao,
          lidSinds: member.werkgeversvereniging?.lidSinds,
        },
      },
      { kvkNummer: nonMember.kvkNummer, sbiCode: null, sector: null, werkleerplekken: null, lidmaatschap: null },
    ]);
  });

  it('reports a malformed membership record on its fields while the other employers resolve', async () => {
    const corrupt = pick(world.werkgevers, (w) => w.werkgeversvereniging?.corrupt === true, 'corrupt member');
    const member = pick(world.werkgevers, (w) => w.werkgeversvereniging?.corrupt === false, 'valid member');

    const result = await entities<WerkgeverResult>('... on Werkgever { kvkNummer lidmaatschap { branche } }', [werkgeverRef(corrupt), werkgeverRef(member)]);

    expect(result.data?._entities).toEqual([
      { kvkNummer: corrupt.kvkNummer, lidmaatschap: null },
      { kvkNummer: member.kvkNummer, lidmaatschap: { branche: member.werkgeversvereniging?.branche } },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'lidmaatschap']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PARTNER_RECORD_INVALID', bron: 'WERKGEVERSVERENIGING', record: corrupt.kvkNummer, veld: 'attributes.handelsnaam' });
  });

  it('resolves branche vacancies by public id, null for other vacancies, an error for a malformed one', async () => {
    const branche = pick(world.vacatures, (v) => v.werkgeversvereniging?.corrupt === false, 'valid branche vacancy');
    const corrupt = pick(world.vacatures, (v) => v.werkgeversvereniging?.corrupt === true, 'corrupt branche vacancy');
    const other = pick(world.vacatures, (v) => !v.werkgeversvereniging, 'vacancy without association');

    const result = await entities<VacatureResult>(VACATURE_FIELDS, [vacatureRef(branche), vacatureRef(corrupt), vacatureRef(other)]);

    expect(result.data?._entities).toEqual([
      { id: vacatureRef(branche).id, brancheVacature: { branche: branche.werkgeversvereniging?.branche } },
      { id: vacatureRef(corrupt).id, brancheVacature: null },
      { id: vacatureRef(other).id, brancheVacature: null },
    ]);
    expect(result.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'PARTNER_RECORD_INVALID', bron: 'WERKGEVERSVERENIGING', record: corrupt.werkgeversvereniging?.id, veld: 'attributes.geplaatstOp' }),
    ]);
  });

  it('costs one partner call per resource for a batch of 20 employers and 20 vacancies', async () => {
    const werkgevers = world.werkgevers.slice(0, 20).map(werkgeverRef);
    const vacatures = world.vacatures.filter((v) => v.werkgeversvereniging).slice(0, 20).map(vacatureRef);
    expect(vacatures).toHaveLength(20);
    sandbox.resetCounters();

    const result = await entities<WerkgeverResult | VacatureResult>(`${WERKGEVER_FIELDS} ${VACATURE_FIELDS}`, [...werkgevers, ...vacatures]);

    expect(result.data?._entities).toHaveLength(40);
    expect(sandbox.counters()).toEqual({ total: 2, byRoute: { werkgevers: 1, vacatures: 1 }, faults: {} });
  });

  it('answers PARTNER_UNAVAILABLE with the bron and null fields when the association fails', async () => {
    const member = pick(world.werkgevers, (w) => w.werkgeversvereniging?.corrupt === false, 'valid member');
    const branche = pick(world.vacatures, (v) => v.werkgeversvereniging?.corrupt === false, 'valid branche vacancy');
    sandbox.knobs.errorRate = 1;
    try {
      const result = await entities<WerkgeverResult | VacatureResult>('... on Werkgever { kvkNummer sector } ... on Vacature { id brancheVacature { branche } }', [werkgeverRef(member), vacatureRef(branche)]);

      expect(result.data?._entities).toEqual([
        { kvkNummer: member.kvkNummer, sector: null },
        { id: vacatureRef(branche).id, brancheVacature: null },
      ]);
      expect(result.errors).toHaveLength(2);
      for (const error of result.errors ?? []) {
        expect(error.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv' });
      }
    } finally {
      sandbox.knobs.errorRate = 0;
    }
  });

  describe('access', () => {
    const lid = () => pick(world.werkgevers, (w) => w.werkgeversvereniging?.corrupt === false, 'valid member');

    it('refuses a request without a token with 401 UNAUTHENTICATED and no data', async () => {
      const response = await post(WERKGEVER_FIELDS, [t.granted(werkgeverRef(lid()))], {});
      expect(response.status).toBe(401);
      const body = (await response.json()) as EntitiesResponse<WerkgeverResult>;
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('withholds the membership when the access decision is missing or forged', async () => {
      const member = lid();

      const response = await post('... on Werkgever { kvkNummer lidmaatschap { branche } }', [werkgeverRef(member), t.tampered(t.granted(werkgeverRef(member)))], await t.headers());
      const result = (await response.json()) as EntitiesResponse<WerkgeverResult>;

      expect(result.data?._entities).toEqual([
        { kvkNummer: member.kvkNummer, lidmaatschap: null },
        { kvkNummer: member.kvkNummer, lidmaatschap: null },
      ]);
      expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.reden])).toEqual([
        [['_entities', 0, 'lidmaatschap'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
        [['_entities', 1, 'lidmaatschap'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
      ]);
    });
  });
});
