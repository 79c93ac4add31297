/**
 * Findings 3 and 7 of the trust issue.
 * 3. Anyone wrote the audit log: any valid token could call `vastleggen` on the logboek directly and
 *    store records about anyone, with free text (an elfproef-valid number inside it) as `betrokkene`.
 *    Now the logboek takes writes only from the subgraphs that record reads (their service token,
 *    bound to the forwarded user's token), each only about its own reads and only about a pseudonym.
 * 7. The audit log depended on the router: Hive Gateway merged five concurrent identical candidate-
 *    page reads of one klantmanager into one set of subgraph calls, leaving a fifth of the records.
 *    Now every client request reaches the subgraphs with its own request id (in the router's service
 *    token), through @apollo/gateway and through Hive Gateway set up as a deployment would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { DIENST_TOKEN_HEADER, nieuwVerzoek } from '../../kit/service-identity/service-token.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';
import { startHiveGatewayFor, type HiveGateway } from '../support/hive-gateway.js';
import { cast, REGIO, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let hive: HiveGateway;
let c: Cast;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 24, kandidaten: 1500, vacatures: 200, werkgevers: 200, malformedRate: 0 }, database: store.options, access: access.settings });
  hive = await startHiveGatewayFor(stack);
  c = cast(stack, '-logboek');
});

afterAll(async () => {
  await hive?.stop();
  await stack?.stop();
  await store.dispose();
});

const VASTLEGGEN = 'mutation($v: [VerwerkingInput!]!) { vastleggen(verwerkingen: $v) { aantal } }';

interface Verwerking {
  verzoek: string | null;
  betrokkene: string;
}

async function records(actor: DevTokenClaims): Promise<Verwerking[]> {
  const found: Verwerking[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GraphQLResponse<any> = await graphql(stack.gatewayUrl, `query($a: String!, $after: String) { verwerkingen(filter: { actor: $a }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { verzoek betrokkene } } } }`, { a: actor.sub, after }, await access.headers(c.actors.beheerder));
    expect(r.errors).toBeUndefined();
    const page = r.data?.verwerkingen as { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Verwerking }[] };
    found.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

describe('the audit log', () => {
  it('finding 3: takes no records from a user token, nor from the router, nor free text about anyone', async () => {
    const actor = c.actors.klantmanagerUwv;
    const record = (betrokkene: string) => ({
      traceId: 'ab'.repeat(16),
      spanId: 'cd'.repeat(8),
      naam: 'klantdossier-inzien',
      startTijd: new Date().toISOString(),
      eindTijd: new Date().toISOString(),
      status: 'OK',
      resource: 'een-loket/uwv',
      verwerkingsactiviteit: 'klantdossier-inzien',
      doelbinding: 're-integratie',
      betrokkene,
      velden: ['Kandidaat.uwvDossier'],
    });
    const post = (headers: Record<string, string>, betrokkene = c.gedeeld.id) => graphql(stack.subgraphs.logboek.url, VASTLEGGEN, { v: [record(betrokkene)] }, headers);

    const user = await post(await access.headers(actor, PURPOSES.klantdossier));
    expect(user.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'dienst' });
    const router = await post(await access.routerHeaders('logboek', actor, PURPOSES.klantdossier));
    expect(router.errors?.[0]?.message).toMatch(/Mutation\.vastleggen is for .* only, not for the router/);

    const { authorization } = await access.headers(actor);
    const asUwv = { authorization: authorization!, [DIENST_TOKEN_HEADER]: await access.minter('uwv').mint('logboek', nieuwVerzoek(), authorization!.slice(7)) };
    for (const vrijeTekst of ['Jan de Vries, BSN 999999990', '999999990', `${c.gedeeld.id} en nog iemand`]) {
      const r = await post(asUwv, vrijeTekst);
      expect(r.errors?.[0]?.extensions, vrijeTekst).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'verwerkingen[0].betrokkene' });
      expect(r.errors?.[0]?.message).not.toContain('999999990');
    }
    const asGemeente = { authorization: authorization!, [DIENST_TOKEN_HEADER]: await access.minter('gemeente').mint('logboek', nieuwVerzoek(), authorization!.slice(7)) };
    expect((await post(asGemeente)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'verwerkingen[0].resource' });
    expect(await records(actor)).toEqual([]);
  });

  describe.each(['apollo', 'hive'] as const)('finding 7: through the %s router', (router) => {
    const url = () => (router === 'apollo' ? stack.gatewayUrl : hive.url);
    let gemeente: string;
    let klantmanager: DevTokenClaims;
    beforeAll(() => {
      gemeente = c.gemeenteKlant.gemeenteCode;
      klantmanager = { ...c.actors.klantmanagerGemeente, sub: `km-${router}-pagina` };
    });
    const PAGE = () => `{ arbeidsmarktregio(code: "${REGIO}") { kandidaten(first: 20, filter: { gemeente: "${gemeente}", doelgroep: PARTICIPATIEWET }) { edges { node { id gemeenteDossier { naam } } } } } }`;

    it('records every one of five concurrent identical reads of a page, each under its own request', async () => {
      const headers = await access.headers(klantmanager, PURPOSES.klantdossier);
      const single = await graphql(url(), PAGE(), {}, headers);
      expect(single.errors).toBeUndefined();
      const read = (single.data?.arbeidsmarktregio.kandidaten.edges as { node: { gemeenteDossier: unknown } }[]).filter((e) => e.node.gemeenteDossier !== null).length;
      expect(read).toBeGreaterThan(1);
      expect(await records(klantmanager)).toHaveLength(read);

      const five = await Promise.all(Array.from({ length: 5 }, () => graphql(url(), PAGE(), {}, headers)));
      for (const r of five) expect(r.errors).toBeUndefined();
      const all = await records(klantmanager);
      expect(all).toHaveLength(6 * read);
      const perVerzoek = new Map<string, number>();
      for (const r of all) perVerzoek.set(String(r.verzoek), (perVerzoek.get(String(r.verzoek)) ?? 0) + 1);
      expect([...perVerzoek.values()]).toEqual(Array.from({ length: 6 }, () => read));
    });
  });
});
