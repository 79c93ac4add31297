/**
 * The committed supergraph served by another federation router (Hive Gateway) answers like our
 * Apollo gateway: same data, and the same partner errors with `extensions.code` and `bron`. Partner
 * errors and batching live in the subgraphs, so they hold whichever router sits in front. Both get
 * the same token (and purpose headers), which each router forwards to the subgraphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';
import { startHiveGatewayFor, type HiveGateway } from '../support/hive-gateway.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let hive: HiveGateway;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 13, kandidaten: 1500, vacatures: 600, werkgevers: 600, malformedRate: 0.05 }, database: store.options, access: access.settings });
  hive = await startHiveGatewayFor(stack);
});

afterAll(async () => {
  await hive?.stop();
  await stack?.stop();
  await store.dispose();
});

/**
 * What a client can rely on from an error, whichever router formats it: code, partner, record and
 * field. (Hive Gateway 2.x points errors from a batched entity fetch at the first entity's path,
 * `edges.0`, where @apollo/gateway points at each entity's own path; so paths are compared only for
 * single-entity queries below.)
 */
function errorFacts(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.bron, e.extensions?.record, e.extensions?.veld].join(' ')).sort();
}

/** The same request, as the same actor, through both routers. */
async function both(actor: DevTokenClaims, query: string, variables?: Record<string, unknown>, purpose?: Purpose): Promise<[GraphQLResponse, GraphQLResponse]> {
  const headers = await access.headers(actor, purpose);
  return Promise.all([graphql(stack.gatewayUrl, query, variables, headers), graphql(hive.url, query, variables, headers)]);
}

const ACCOUNTMANAGER: DevTokenClaims = { sub: 'am-hive', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] };
const KLANTMANAGER_UWV: DevTokenClaims = { sub: 'km-uwv-hive', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };

describe('the committed supergraph on Hive Gateway', () => {
  it('serves a region\'s merged employer page like the Apollo gateway', async () => {
    const [apollo, other] = await both(
      ACCOUNTMANAGER,
      '{ arbeidsmarktregio(code: "AM36") { naam werkgevers(first: 20) { totalCount edges { cursor node { kvkNummer naam bronnen uwvRelatie { accountmanager } gemeenteRelaties { lksPlaatsingen } swDetacheringen { aantalMedewerkers } leerbedrijf { erkend } lidmaatschap { branche } } } } } }',
    );
    expect((apollo.data as { arbeidsmarktregio: { werkgevers: { edges: unknown[] } } }).arbeidsmarktregio.werkgevers.edges).toHaveLength(20);
    expect(apollo.errors?.length, 'this world has malformed records on the first page').toBeGreaterThan(0);
    expect(other.data).toEqual(apollo.data);
    expect(errorFacts(other)).toEqual(errorFacts(apollo));
  });

  it('reports a malformed partner record the same way', async () => {
    const persoon = stack.world.personen.find((p) => p.uwv?.corrupt && p.gemeente && !p.gemeente.corrupt);
    expect(persoon).toBeDefined();
    // The gemeente's klantmanager may read the whole file of its client, UWV's part included.
    const klantmanager: DevTokenClaims = { sub: 'km-gemeente-hive', rol: 'klantmanager', organisatie: persoon!.gemeenteCode, regios: [persoon!.regioCode] };
    const [apollo, other] = await both(
      klantmanager,
      'query($id: ID!) { kandidaat(id: $id) { id bronnen gemeenteDossier { regeling } uwvDossier { uitkering } } }',
      { id: stack.pseudonymize(persoon!.bsn) },
      PURPOSES.klantdossier,
    );
    expect(errorFacts(apollo)).toEqual([expect.stringMatching(/^PARTNER_RECORD_INVALID UWV \S+ \S+$/)]);
    expect(other.data).toEqual(apollo.data);
    expect(errorFacts(other)).toEqual(errorFacts(apollo));
    expect(other.errors?.map((e) => e.path)).toEqual([['kandidaat', 'uwvDossier']]);
  });

  it('pages candidates with the same cursors', async () => {
    const query = 'query($after: String) { arbeidsmarktregio(code: "AM36") { kandidaten(first: 25, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id bronnen doelgroepen } } } } }';
    const [apollo, other] = await both(KLANTMANAGER_UWV, query);
    expect(apollo.errors).toBeUndefined();
    expect((apollo.data as { arbeidsmarktregio: { kandidaten: { edges: unknown[] } } }).arbeidsmarktregio.kandidaten.edges).toHaveLength(25);
    expect(other.data).toEqual(apollo.data);
    const after = (apollo.data as { arbeidsmarktregio: { kandidaten: { pageInfo: { endCursor: string } } } }).arbeidsmarktregio.kandidaten.pageInfo.endCursor;
    const [apollo2, other2] = await both(KLANTMANAGER_UWV, query, { after });
    expect(other2.data).toEqual(apollo2.data);
  });
});
