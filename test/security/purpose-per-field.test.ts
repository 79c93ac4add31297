/**
 * Finding 4 of the trust issue: purpose binding per field. A klantmanager sending
 * `x-verwerking: toestemming-beheren` (the consent-management activity) was served client files,
 * logged under that wrong activity. The register of processing activities now says which categories
 * each activity may read; a field outside it is refused (DOELBINDING) and nothing is logged as read —
 * through @apollo/gateway and through Hive Gateway alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';
import { startHiveGatewayFor, type HiveGateway } from '../support/hive-gateway.js';
import { cast, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let hive: HiveGateway;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 21, kandidaten: 800, vacatures: 200, werkgevers: 200, malformedRate: 0 }, database: store.options, access: access.settings });
  hive = await startHiveGatewayFor(stack);
});

afterAll(async () => {
  await hive?.stop();
  await stack?.stop();
  await store.dispose();
});

const DOSSIERS = `query($id: ID!) { kandidaat(id: $id) { id uwvDossier { naam } gemeenteDossier { naam } toestemmingen { id } } }`;

function codes(response: GraphQLResponse): [string, string, string][] {
  return (response.errors ?? []).map((e): [string, string, string] => [String(e.extensions?.veld), String(e.extensions?.code), String(e.extensions?.reden)]).sort();
}

describe.each(['apollo', 'hive'] as const)('purpose per field through the %s router', (router) => {
  let c: Cast;
  const ask = async (actor: DevTokenClaims, query: string, variables: Record<string, unknown>, purpose: Purpose) =>
    graphql(router === 'apollo' ? stack.gatewayUrl : hive.url, query, variables, await access.headers(actor, purpose));
  const records = async (actor: DevTokenClaims) => {
    const r = await ask(c.actors.beheerder, `query($a: String!) { verwerkingen(filter: { actor: $a }, first: 100) { edges { node { velden verwerkingsactiviteit } } } }`, { a: actor.sub }, PURPOSES.klantdossier);
    return (r.data?.verwerkingen.edges as { node: { velden: string[]; verwerkingsactiviteit: string } }[]).map((e) => e.node);
  };
  beforeAll(() => {
    c = cast(stack, `-doel-${router}`);
  });

  it('refuses the client files under the consent activity, serves only what that activity covers, and logs only that', async () => {
    const r = await ask(c.actors.klantmanagerUwv, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.toestemmingBeheren);
    expect(r.data?.kandidaat).toMatchObject({ id: c.gedeeld.id, uwvDossier: null, gemeenteDossier: null, toestemmingen: [] });
    expect(codes(r)).toEqual([
      ['Kandidaat.gemeenteDossier', 'FORBIDDEN', 'DOELBINDING'],
      ['Kandidaat.uwvDossier', 'FORBIDDEN', 'DOELBINDING'],
    ]);
    expect(r.errors?.[0]?.message).toMatch(/x-verwerking "toestemming-beheren" does not cover (GEMEENTE|UWV)_DOSSIER/);
    expect(await records(c.actors.klantmanagerUwv)).toEqual([{ velden: ['Kandidaat.toestemmingen'], verwerkingsactiviteit: 'toestemming-beheren' }]);
  });

  it('serves the files under the activity for reading the file', async () => {
    const r = await ask(c.actors.klantmanagerUwv, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.klantdossier);
    expect(r.errors).toBeUndefined();
    expect(r.data?.kandidaat).toMatchObject({ uwvDossier: { naam: expect.any(String) }, gemeenteDossier: { naam: expect.any(String) } });
  });
});
