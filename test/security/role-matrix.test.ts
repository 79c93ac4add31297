/**
 * The role matrix: the same queries for every role, through our gateway and through another
 * federation router (Hive Gateway serving the committed supergraph), with what each role must see
 * and must not see. Enforcement lives in the subgraphs, so both routers give the same answers. Then
 * the audit log holds exactly one record per personal-data read per person and subgraph, and none
 * for anonymous data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';
import { startHiveGatewayFor, type HiveGateway } from '../support/hive-gateway.js';
import { cast, REGIO, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let hive: HiveGateway;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 11, kandidaten: 1500, vacatures: 500, werkgevers: 400, malformedRate: 0 }, database: store.options, access: access.settings });
  hive = await startHiveGatewayFor(stack);
});

afterAll(async () => {
  await hive?.stop();
  await stack?.stop();
  await store.dispose();
});

const KANDIDAAT = `query($id: ID!) { kandidaat(id: $id) { id competenties bronnen doelgroepen uwvDossier { naam } gemeenteDossier { naam regeling } } }`;
const REGIO_LIJSTEN = `{ arbeidsmarktregio(code: "${REGIO}") { naam
  kandidaten(first: 5) { totalCount edges { node { id competenties } } }
  werkgevers(first: 3) { totalCount edges { node { kvkNummer uwvRelatie { accountmanager } } } } } }`;
const WERKGEVER = `query($kvk: ID!) { werkgever(kvkNummer: $kvk) { kvkNummer naam bronnen uwvRelatie { accountmanager } } }`;
const LOGBOEK = `{ verwerkingen(first: 100) { totalCount } }`;

type Refusal = [veld: string, reden: string];

/** The FORBIDDEN errors of a response as [field coordinate, reason], sorted. */
function refusals(response: GraphQLResponse): Refusal[] {
  for (const error of response.errors ?? []) {
    if (error.extensions?.code !== 'FORBIDDEN') throw new Error(`unexpected error: ${error.message}`);
  }
  return (response.errors ?? []).map((e): Refusal => [String(e.extensions?.veld), String(e.extensions?.reden)]).sort();
}

describe.each(['apollo', 'hive'] as const)('role matrix through the %s router', (router) => {
  let c: Cast;
  const ask = async (actor: DevTokenClaims, query: string, variables?: Record<string, unknown>, purpose?: Purpose) =>
    graphql(router === 'apollo' ? stack.gatewayUrl : hive.url, query, variables, await access.headers(actor, purpose));
  beforeAll(() => {
    c = cast(stack, `-${router}`);
  });

  it('klantmanager of UWV: full data of a UWV client, including the gemeente dossier', async () => {
    const r = await ask(c.actors.klantmanagerUwv, KANDIDAAT, { id: c.gedeeld.id }, PURPOSES.klantdossier);
    expect(r.errors).toBeUndefined();
    expect(r.data?.kandidaat).toMatchObject({ id: c.gedeeld.id, bronnen: expect.arrayContaining(['UWV', 'GEMEENTE']), uwvDossier: { naam: expect.any(String) }, gemeenteDossier: { naam: expect.any(String) } });
  });

  it('klantmanager of UWV: only pseudonymous matching data of someone who is not a UWV client', async () => {
    const r = await ask(c.actors.klantmanagerUwv, KANDIDAAT, { id: c.gemeenteKlant.id }, PURPOSES.klantdossier);
    expect(r.data?.kandidaat).toMatchObject({ id: c.gemeenteKlant.id, bronnen: expect.arrayContaining(['GEMEENTE']), uwvDossier: null, gemeenteDossier: null });
    expect(refusals(r)).toEqual([
      ['Kandidaat.gemeenteDossier', 'GEEN_KLANTRELATIE_OF_TOESTEMMING'],
      ['Kandidaat.uwvDossier', 'GEEN_KLANTRELATIE_OF_TOESTEMMING'],
    ]);
  });

  it("klantmanager of a gemeente: its own client's file", async () => {
    const r = await ask(c.actors.klantmanagerGemeente, KANDIDAAT, { id: c.gemeenteKlant.id }, PURPOSES.klantdossier);
    expect(r.errors).toBeUndefined();
    expect(r.data?.kandidaat).toMatchObject({ uwvDossier: null, gemeenteDossier: { regeling: c.gemeenteKlant.gemeente!.regeling } });
  });

  it('klantmanager without purpose headers: no personal data, and says which header is missing', async () => {
    const r = await ask(c.actors.klantmanagerUwv, KANDIDAAT, { id: c.gedeeld.id });
    expect(r.data?.kandidaat).toMatchObject({ id: c.gedeeld.id, uwvDossier: null, gemeenteDossier: null });
    expect(refusals(r)).toEqual([
      ['Kandidaat.gemeenteDossier', 'DOELBINDING'],
      ['Kandidaat.uwvDossier', 'DOELBINDING'],
    ]);
    expect(r.errors?.[0]?.message).toMatch(/headers x-doelbinding and x-verwerking are missing/);
  });

  it('klantmanager of another region: nothing of AM36', async () => {
    const kandidaat = await ask(c.actors.klantmanagerElders, KANDIDAAT, { id: c.gedeeld.id }, PURPOSES.klantdossier);
    expect(kandidaat.data?.kandidaat).toBeNull();
    expect(refusals(kandidaat)).toEqual([['Query.kandidaat', 'REGIO']]);
    // Where a person lives is not told to someone who may not see them (a pseudonym may have leaked).
    expect(kandidaat.errors?.[0]?.message).not.toContain(REGIO);
    const lijsten = await ask(c.actors.klantmanagerElders, REGIO_LIJSTEN);
    expect(lijsten.data?.arbeidsmarktregio).toMatchObject({ naam: expect.any(String), kandidaten: null, werkgevers: null });
    expect(refusals(lijsten)).toEqual([
      ['Arbeidsmarktregio.kandidaten', 'REGIO'],
      ['Arbeidsmarktregio.werkgevers', 'REGIO'],
    ]);
  });

  it('accountmanager: matching data and every employer of the region, no candidate files without consent', async () => {
    const kandidaat = await ask(c.actors.accountmanager, KANDIDAAT, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(kandidaat.data?.kandidaat).toMatchObject({ competenties: expect.any(Array), bronnen: expect.any(Array), uwvDossier: null, gemeenteDossier: null });
    expect(refusals(kandidaat).map(([, reden]) => reden)).toEqual(['GEEN_KLANTRELATIE_OF_TOESTEMMING', 'GEEN_KLANTRELATIE_OF_TOESTEMMING']);
    const lijsten = await ask(c.actors.accountmanager, REGIO_LIJSTEN);
    expect(lijsten.errors).toBeUndefined();
    expect(lijsten.data?.arbeidsmarktregio.werkgevers.edges).toHaveLength(3);
    const werkgever = await ask(c.actors.accountmanager, WERKGEVER, { kvk: c.andereWerkgever.kvkNummer });
    expect(werkgever.errors).toBeUndefined();
    expect(werkgever.data?.werkgever.uwvRelatie).toEqual({ accountmanager: expect.any(String) });
  });

  it('werkgever: its own employer record, anonymous candidate cards, nobody else’s employer details', async () => {
    const eigen = await ask(c.actors.werkgever, WERKGEVER, { kvk: c.werkgever.kvkNummer });
    expect(eigen.errors).toBeUndefined();
    expect(eigen.data?.werkgever).toMatchObject({ kvkNummer: c.werkgever.kvkNummer, bronnen: expect.arrayContaining(['UWV']), uwvRelatie: { accountmanager: expect.any(String) } });
    const ander = await ask(c.actors.werkgever, WERKGEVER, { kvk: c.andereWerkgever.kvkNummer });
    expect(ander.data?.werkgever).toBeNull();
    expect(refusals(ander)).toEqual([['Query.werkgever', 'EIGEN_WERKGEVER']]);
    const kaart = await ask(c.actors.werkgever, KANDIDAAT, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(kaart.data?.kandidaat).toMatchObject({ id: c.gedeeld.id, competenties: expect.any(Array), bronnen: null, doelgroepen: null, uwvDossier: null, gemeenteDossier: null });
    expect(refusals(kaart)).toEqual([
      ['Kandidaat.bronnen', 'ROL'],
      ['Kandidaat.doelgroepen', 'ROL'],
      ['Kandidaat.gemeenteDossier', 'GEEN_KLANTRELATIE_OF_TOESTEMMING'],
      ['Kandidaat.uwvDossier', 'GEEN_KLANTRELATIE_OF_TOESTEMMING'],
    ]);
    const lijsten = await ask(c.actors.werkgever, REGIO_LIJSTEN);
    expect(lijsten.data?.arbeidsmarktregio.kandidaten.edges).toHaveLength(5);
    expect(lijsten.data?.arbeidsmarktregio.werkgevers).toBeNull();
    expect(refusals(lijsten)).toEqual([['Arbeidsmarktregio.werkgevers', 'ROL']]);
    // Filtering on what it may not read would reveal it.
    const gefilterd = await ask(c.actors.werkgever, `{ arbeidsmarktregio(code: "${REGIO}") { kandidaten(filter: { doelgroep: WIA }) { totalCount } } }`);
    expect(gefilterd.data?.arbeidsmarktregio.kandidaten).toBeNull();
    expect(refusals(gefilterd)).toEqual([['Arbeidsmarktregio.kandidaten', 'ROL']]);
  });

  it('analist: counts only', async () => {
    const r = await ask(c.actors.analist, REGIO_LIJSTEN);
    expect(r.data?.arbeidsmarktregio.kandidaten).toEqual({ totalCount: expect.any(Number), edges: null });
    expect(r.data?.arbeidsmarktregio.kandidaten.totalCount).toBeGreaterThan(0);
    expect(r.data?.arbeidsmarktregio.werkgevers).toEqual({ totalCount: expect.any(Number), edges: null });
    expect(refusals(r)).toEqual([
      ['KandidaatConnection.edges', 'ROL'],
      ['WerkgeverConnection.edges', 'ROL'],
    ]);
    const kandidaat = await ask(c.actors.analist, KANDIDAAT, { id: c.gedeeld.id });
    expect(kandidaat.data?.kandidaat).toBeNull();
    expect(refusals(kandidaat)).toEqual([['Query.kandidaat', 'ROL']]);
  });

  it('beheerder: the audit log and nothing of the people in it; nobody else reads the audit log', async () => {
    const log = await ask(c.actors.beheerder, LOGBOEK);
    expect(log.errors).toBeUndefined();
    expect(log.data?.verwerkingen.totalCount).toBeGreaterThan(0);
    const kandidaat = await ask(c.actors.beheerder, KANDIDAAT, { id: c.gedeeld.id });
    expect(refusals(kandidaat)).toEqual([['Query.kandidaat', 'ROL']]);
    for (const actor of [c.actors.klantmanagerUwv, c.actors.accountmanager, c.actors.werkgever, c.actors.analist]) {
      const r = await ask(actor, LOGBOEK);
      expect(r.data?.verwerkingen ?? null).toBeNull();
      expect(refusals(r)).toEqual([['Query.verwerkingen', 'ROL']]);
    }
  });

  it('the audit log holds one record per personal-data read per person and subgraph, and none for anonymous data', async () => {
    const records = async (actor: DevTokenClaims) => {
      const r = await ask(c.actors.beheerder, `query($a: String!) { verwerkingen(filter: { actor: $a }, first: 100) { edges { node { betrokkene resource velden verwerkingsactiviteit doelbinding } } } }`, { a: actor.sub });
      expect(r.errors).toBeUndefined();
      return (r.data?.verwerkingen.edges as { node: Record<string, unknown> }[]).map((e) => e.node);
    };
    // The klantmanager of UWV read both files of the shared client once.
    expect(await records(c.actors.klantmanagerUwv)).toEqual(
      expect.arrayContaining([
        { betrokkene: c.gedeeld.id, resource: 'een-loket/uwv', velden: ['Kandidaat.uwvDossier'], verwerkingsactiviteit: 'klantdossier-inzien', doelbinding: 're-integratie' },
        { betrokkene: c.gedeeld.id, resource: 'een-loket/gemeente', velden: ['Kandidaat.gemeenteDossier'], verwerkingsactiviteit: 'klantdossier-inzien', doelbinding: 're-integratie' },
      ]),
    );
    expect(await records(c.actors.klantmanagerUwv)).toHaveLength(2);
    // The gemeente's klantmanager read one file (UWV does not know the person: nothing read there).
    expect(await records(c.actors.klantmanagerGemeente)).toEqual([
      { betrokkene: c.gemeenteKlant.id, resource: 'een-loket/gemeente', velden: ['Kandidaat.gemeenteDossier'], verwerkingsactiviteit: 'klantdossier-inzien', doelbinding: 're-integratie' },
    ]);
    for (const actor of [c.actors.klantmanagerElders, c.actors.accountmanager, c.actors.werkgever, c.actors.analist, c.actors.beheerder]) {
      expect(await records(actor)).toEqual([]);
    }
  });
});

describe('calling a subgraph directly, past any router', () => {
  it('holds the loket to the regions of the token for candidate references too, even for a caller with the router identity', async () => {
    const c = cast(stack, '-direct');
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Kandidaat { id competenties } } }';
    const representations = [{ __typename: 'Kandidaat', id: c.gedeeld.id }];
    const elders = await graphql(stack.subgraphs.loket.url, query, { r: representations }, await access.routerHeaders('loket', c.actors.klantmanagerElders));
    expect(elders.data?._entities).toEqual([null]);
    expect(elders.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'REGIO' });
    const eigen = await graphql(stack.subgraphs.loket.url, query, { r: representations }, await access.routerHeaders('loket', c.actors.accountmanager));
    expect(eigen.data?._entities).toEqual([{ id: c.gedeeld.id, competenties: expect.any(Array) }]);
  });
});
