/**
 * Finding 5 of the trust issue: counts single people out. An `analist` stacking filters (doelgroep +
 * gemeente + niveau + competence) got `totalCount: 1`, and the paging information gave away more
 * (`hasNextPage` with `first: 1` says "2 or more", and `endCursor` carried a pseudonym). Now every count
 * that reaches a role that may not see the individuals follows one rule (subgraphs/kit/access/
 * disclosure-control.ts): fewer than 5 is suppressed with a reason, everything else is rounded to a
 * multiple of 5, so the difference of two published counts is 0 or at least 5; and such a role gets
 * no paging information. Roles that see the individuals get exact counts. Through both routers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { referentie } from '../../schema/referentie/gemeenten.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';
import { startHiveGatewayFor, type HiveGateway } from '../support/hive-gateway.js';
import { cast, REGIO, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let hive: HiveGateway;
let c: Cast;

const DOELGROEPEN = ['PARTICIPATIEWET', 'WW', 'WIA', 'WAJONG', 'WSW', 'BANENAFSPRAAK', 'BESCHUT_WERK', 'STATUSHOUDER', 'VIJFTIG_PLUS', 'JONGERE_ZONDER_STARTKWALIFICATIE'];

interface Filter {
  gemeente?: string;
  doelgroep?: string;
  werkDenkNiveauMin?: number;
  competentie?: string;
}

beforeAll(async () => {
  // The survey below asks a few hundred counts in seconds, far over the default rate limit.
  stack = await startStack({ ports: 'ephemeral', world: { seed: 22, kandidaten: 6000, vacatures: 600, werkgevers: 600, malformedRate: 0 }, database: store.options, access: access.settings, rateLimit: { perActor: 10_000, perAddress: 100 } });
  hive = await startHiveGatewayFor(stack);
  c = cast(stack, '-telling');
});

afterAll(async () => {
  await hive?.stop();
  await stack?.stop();
  await store.dispose();
});

const COUNT = `query($f: KandidaatFilter) { arbeidsmarktregio(code: "${REGIO}") { kandidaten(filter: $f, first: 1) { totalCount pageInfo { hasNextPage endCursor } } } }`;

async function count(url: string, actor: DevTokenClaims, filter: Filter): Promise<GraphQLResponse<any>> {
  return graphql(url, COUNT, { f: filter }, await access.headers(actor));
}

/** The exact number of candidates matching `filter`, as a klantmanager (who sees the individuals) counts them. */
async function exact(filter: Filter): Promise<number> {
  const r = await count(stack.gatewayUrl, c.actors.klantmanagerUwv, filter);
  expect(r.errors).toBeUndefined();
  return r.data?.arbeidsmarktregio.kandidaten.totalCount as number;
}

/** Filters over the region's gemeenten and target groups with their exact counts. */
async function survey(): Promise<{ filter: Filter; n: number }[]> {
  const gemeenten = referentie().regio(REGIO)!.gemeenten.map((g) => g.code);
  const found: { filter: Filter; n: number }[] = [];
  for (const gemeente of gemeenten.slice(0, 6)) {
    for (const doelgroep of DOELGROEPEN) found.push({ filter: { gemeente, doelgroep }, n: await exact({ gemeente, doelgroep }) });
  }
  return found;
}

let cells: { filter: Filter; n: number }[];

describe('disclosure control of counts', () => {
  beforeAll(async () => {
    cells = await survey();
  });

  it('gives roles that see the individuals the exact count, 1 included', async () => {
    const small = cells.find((cell) => cell.n >= 1 && cell.n < 5);
    expect(small, 'a cell of 1 to 4 people').toBeDefined();
    expect(await exact(small!.filter)).toBe(small!.n);
  });

  describe.each(['apollo', 'hive'] as const)('for an analist through the %s router', (router) => {
    const url = () => (router === 'apollo' ? stack.gatewayUrl : hive.url);

    it('suppresses a count under 5 with its reason, however the filters are stacked, and gives no paging information', async () => {
      // The finding: doelgroep + gemeente + niveau + competence narrowed down to one person.
      const stacked: Filter[] = [];
      for (const cell of cells.filter((x) => x.n >= 1).slice(0, 20)) {
        for (const werkDenkNiveauMin of [3, 5]) for (const competentie of ['24101', '24105']) stacked.push({ ...cell.filter, werkDenkNiveauMin, competentie });
      }
      const exacts = await Promise.all(stacked.map(async (filter) => ({ filter, n: await exact(filter) })));
      const tiny = exacts.filter((x) => x.n >= 1 && x.n < 5);
      expect(tiny.length, 'stacked filters that single out 1 to 4 people').toBeGreaterThan(0);
      for (const { filter } of [...tiny.slice(0, 5), ...cells.filter((x) => x.n === 0).slice(0, 2)]) {
        const r = await count(url(), c.actors.analist, filter);
        expect(r.data?.arbeidsmarktregio.kandidaten, JSON.stringify(filter)).toEqual({ totalCount: null, pageInfo: null });
        const reasons = (r.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.reden, e.extensions?.veld]).sort();
        expect(reasons).toEqual([
          ['FORBIDDEN', 'KLEIN_AANTAL', 'KandidaatConnection.totalCount'],
          ['FORBIDDEN', 'ROL', 'KandidaatConnection.pageInfo'],
        ]);
        expect(r.errors?.find((e) => e.extensions?.reden === 'KLEIN_AANTAL')?.message).toMatch(/fewer than 5/);
      }
    });

    it('rounds every published count to a multiple of 5, so differencing two queries shows 0 or at least 5', async () => {
      // Pairs of nested filters whose true counts differ by 1 to 4 people.
      const pairs: [Filter, Filter, number, number][] = [];
      for (const cell of cells.filter((x) => x.n >= 10)) {
        for (const werkDenkNiveauMin of [1, 2, 3, 4, 5, 6]) {
          const narrower = { ...cell.filter, werkDenkNiveauMin };
          const n = await exact(narrower);
          if (n >= 5 && cell.n - n >= 1 && cell.n - n <= 4) pairs.push([cell.filter, narrower, cell.n, n]);
        }
        if (pairs.length >= 4) break;
      }
      expect(pairs.length, 'nested filters that differ by 1 to 4 people').toBeGreaterThan(0);
      for (const [wide, narrow, nWide, nNarrow] of pairs) {
        const [a, b] = await Promise.all([count(url(), c.actors.analist, wide), count(url(), c.actors.analist, narrow)]);
        const [pa, pb] = [a.data?.arbeidsmarktregio.kandidaten.totalCount as number, b.data?.arbeidsmarktregio.kandidaten.totalCount as number];
        expect([pa % 5, pb % 5]).toEqual([0, 0]);
        expect([pa, pb]).toEqual([5 * Math.round(nWide / 5), 5 * Math.round(nNarrow / 5)]);
        expect([0, 5]).toContain(pa - pb);
      }
    });

    it('applies the same rule to vacancies and employers', async () => {
      const kvk = c.werkgever;
      const r = await graphql(url(), `{ arbeidsmarktregio(code: "${REGIO}") { vacatures { totalCount } werkgevers { totalCount } weinig: werkgevers(filter: { gemeente: "${kvk.gemeenteCode}", minBronnen: 5 }) { totalCount } } }`, {}, await access.headers(c.actors.analist));
      const region = r.data?.arbeidsmarktregio;
      expect(region.vacatures.totalCount % 5).toBe(0);
      expect(region.werkgevers.totalCount % 5).toBe(0);
      const weinig = await graphql(stack.gatewayUrl, `{ arbeidsmarktregio(code: "${REGIO}") { werkgevers(filter: { gemeente: "${kvk.gemeenteCode}", minBronnen: 5 }) { totalCount } } }`, {}, await access.headers(c.actors.accountmanager));
      const n = weinig.data?.arbeidsmarktregio.werkgevers.totalCount as number;
      expect(region.weinig.totalCount).toEqual(n < 5 ? null : 5 * Math.round(n / 5));
    });
  });
});
