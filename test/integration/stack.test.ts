/**
 * The whole graph, started in-process on ephemeral ports (real HTTP between sandbox partners,
 * subgraphs and gateway), queried through the gateway as a front-end would: with the token of a
 * role that may see what each test checks, and without a valid token refused with 401.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';

interface KandidaatPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

const access = testAccess();
const store = testDatabase();
let stack: Stack;

/** The actors of these tests: staff of the werkgeversservicepunt and of UWV in AM36. */
const ACCOUNTMANAGER: DevTokenClaims = { sub: 'am-stack', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] };
const KLANTMANAGER_UWV: DevTokenClaims = { sub: 'km-uwv-stack', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 7, kandidaten: 3000, vacatures: 1200, werkgevers: 1000, malformedRate: 0 }, database: store.options, access: access.settings });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

describe(`the één loket graph (${store.kind})`, () => {
  it('lists the 35 regions and 342 gemeenten with CBS codes and names', async () => {
    const { data, errors } = await graphql(stack.gatewayUrl, '{ arbeidsmarktregios { code naam gemeenten { code naam } } }', undefined, await access.headers(KLANTMANAGER_UWV));
    expect(errors).toBeUndefined();
    const regios = data?.arbeidsmarktregios as { code: string; naam: string; gemeenten: { code: string; naam: string }[] }[];
    expect(regios).toHaveLength(35);
    const gemeenten = regios.flatMap((r) => r.gemeenten.map((g) => [g.code, g.naam, r.code, r.naam]));
    const csv = parse(readFileSync(new URL('../../schema/referentie/gemeenten_arbeidsmarktregio_2026.csv', import.meta.url), 'utf8'), { from_line: 2 }) as string[][];
    expect(gemeenten).toHaveLength(342);
    expect(gemeenten.sort()).toEqual(csv.sort());
  });

  it('serves an employer view of AM36 merged from at least three partner subgraphs, with bronnen', async () => {
    const { data, errors } = await graphql(
      stack.gatewayUrl,
      `{ arbeidsmarktregio(code: "AM36") { werkgevers(first: 20) { totalCount edges { node {
          kvkNummer naam bronnen
          uwvRelatie { accountmanager laatsteContact }
          gemeenteRelaties { gemeente { code naam } lksPlaatsingen }
          swDetacheringen { swBedrijf aantalMedewerkers }
          leerbedrijf { erkend erkenningen { crebo opleiding } }
          lidmaatschap { branche cao }
      } } } } }`,
      undefined,
      await access.headers(ACCOUNTMANAGER),
    );
    expect(errors).toBeUndefined();
    const nodes = (data?.arbeidsmarktregio.werkgevers.edges as { node: Record<string, any> }[]).map((e) => e.node);
    expect(nodes).toHaveLength(20);
    const partnerFields: [string, string][] = [
      ['UWV', 'uwvRelatie'],
      ['SW_BEDRIJF', 'swDetacheringen'],
      ['ONDERWIJS', 'leerbedrijf'],
      ['WERKGEVERSVERENIGING', 'lidmaatschap'],
    ];
    for (const node of nodes) {
      // Each partner that the index says knows the employer resolves its own part, and no other does.
      for (const [bron, field] of partnerFields) expect(node[field] !== null, `${node.kvkNummer} ${field} vs bronnen ${node.bronnen}`).toBe(node.bronnen.includes(bron));
      expect(node.gemeenteRelaties.length > 0).toBe(node.bronnen.includes('GEMEENTE'));
    }
    // Ordered by number of partners: the first page holds employers known to three or more.
    expect(nodes[0]?.bronnen.length).toBeGreaterThanOrEqual(3);
    const world = stack.world.werkgevers.filter((w) => w.regioCode === 'AM36');
    expect(data?.arbeidsmarktregio.werkgevers.totalCount).toBe(world.length);
  });

  it('pages all candidates of a region with Relay cursors, each person once', async () => {
    const expected = stack.world.personen.filter((p) => p.regioCode === 'AM36');
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: GraphQLResponse = await graphql(
        stack.gatewayUrl,
        'query($after: String) { arbeidsmarktregio(code: "AM36") { kandidaten(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id bronnen } } } } }',
        { after },
        await access.headers(KLANTMANAGER_UWV),
      );
      expect(response.errors).toBeUndefined();
      const connection = (response.data as { arbeidsmarktregio: { kandidaten: KandidaatPage } }).arbeidsmarktregio.kandidaten;
      expect(connection.totalCount).toBe(expected.length);
      seen.push(...connection.edges.map((e) => e.node.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.length / 50));
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(expected.map((p) => stack.pseudonymize(p.bsn))));
  });

  it('shows a person known to gemeente and UWV once, with both sources and both dossiers', async () => {
    const persoon = stack.world.personen.find((p) => p.gemeente && p.uwv && p.regioCode === 'AM36');
    expect(persoon).toBeDefined();
    const id = stack.pseudonymize(persoon!.bsn);
    const { data, errors } = await graphql(
      stack.gatewayUrl,
      'query($id: ID!) { kandidaat(id: $id) { id bronnen gemeente { code } gemeenteDossier { participatieladderTrede klantmanager } uwvDossier { doelgroepregister } } }',
      { id },
      await access.headers({ ...KLANTMANAGER_UWV, regios: [persoon!.regioCode] }, PURPOSES.klantdossier),
    );
    expect(errors).toBeUndefined();
    expect(data?.kandidaat.bronnen).toEqual(expect.arrayContaining(['GEMEENTE', 'UWV']));
    expect(data?.kandidaat.gemeenteDossier.participatieladderTrede).toBe(persoon!.gemeente!.trede);
    expect(data?.kandidaat.uwvDossier.doelgroepregister).toBe(persoon!.uwv!.doelgroepregister);
    const text = JSON.stringify(data);
    expect(text).not.toContain(persoon!.bsn);
  });

  it('pages vacancies per region, the same vacancy at UWV and the WSP once', async () => {
    const expected = new Set(stack.world.vacatures.filter((v) => v.regioCode === 'AM36').map((v) => `${v.kvkNummer}|${v.titel}|${v.postcode}`));
    const { data, errors } = await graphql(
      stack.gatewayUrl,
      '{ arbeidsmarktregio(code: "AM36") { vacatures(first: 100, filter: { bron: UWV }) { totalCount edges { node { id titel bronnen werkgever { kvkNummer naam } werkNl { vacaturenummer } wspVacature { nummer } } } } all: vacatures { totalCount } } }',
      undefined,
      await access.headers(ACCOUNTMANAGER),
    );
    expect(errors).toBeUndefined();
    expect(data?.arbeidsmarktregio.all.totalCount).toBe(expected.size);
    const both = (data?.arbeidsmarktregio.vacatures.edges as { node: { bronnen: string[]; werkNl: unknown; wspVacature: unknown; werkgever: { naam: string } | null } }[]).map((e) => e.node).filter((n) => n.bronnen.includes('GEMEENTE'));
    expect(both.length).toBeGreaterThan(0);
    for (const node of both) {
      expect(node.werkNl).not.toBeNull();
      expect(node.wspVacature).not.toBeNull();
      expect(node.werkgever?.naam).toBeTruthy();
    }
  });

  it('costs one partner call per source system for a page of 20 employers', async () => {
    for (const sandbox of Object.values(stack.sandboxes)) sandbox.resetCounters();
    const { errors } = await graphql(
      stack.gatewayUrl,
      '{ arbeidsmarktregio(code: "AM36") { werkgevers(first: 20) { edges { node { naam uwvRelatie { accountmanager } gemeenteRelaties { lksPlaatsingen } swDetacheringen { aantalMedewerkers } leerbedrijf { erkend } lidmaatschap { branche } } } } } }',
      undefined,
      await access.headers(ACCOUNTMANAGER),
    );
    expect(errors).toBeUndefined();
    const calls = Object.fromEntries(Object.entries(stack.sandboxes).map(([name, s]) => [name, s.counters().total]));
    const gemeenteSystems = stack.bronnen.gemeente.filter((b) => b.regio === 'AM36').length;
    expect(calls.uwv).toBe(1);
    expect(calls.werkgeversvereniging).toBe(1);
    expect(calls.onderwijs).toBe(1);
    expect(calls['sw-bedrijf']).toBeLessThanOrEqual(1);
    expect(calls.gemeente).toBeLessThanOrEqual(gemeenteSystems);
  });

  it('lists a region\'s instruments with per-gemeente conditions side by side', async () => {
    const { data, errors } = await graphql(
      stack.gatewayUrl,
      '{ arbeidsmarktregio(code: "AM36") { instrumenten(doelgroep: PARTICIPATIEWET) { id naam soort aanbieder gemeente { code } voorwaarden maxDuurMaanden } } }',
      undefined,
      await access.headers(ACCOUNTMANAGER),
    );
    expect(errors).toBeUndefined();
    const lks = (data?.arbeidsmarktregio.instrumenten as { soort: string; gemeente: { code: string } }[]).filter((i) => i.soort === 'LOONKOSTENSUBSIDIE');
    expect(lks.map((i) => i.gemeente.code).sort()).toEqual(stack.bronnen.gemeente.filter((b) => b.regio === 'AM36').flatMap((b) => b.gemeenten).sort());
  });

  it('answers bad arguments with errors naming the argument', async () => {
    const { errors } = await graphql(stack.gatewayUrl, '{ werkgever(kvkNummer: "123") { naam } arbeidsmarktregio(code: "AM36") { kandidaten(first: 1000) { totalCount } } }', undefined, await access.headers(ACCOUNTMANAGER));
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(errors?.map((e) => e.message).join(' ')).toMatch(/kvkNummer.*8 digits|first must be between/);
  });

  it('answers a request without a valid token with 401 UNAUTHENTICATED, at the gateway and at a subgraph', async () => {
    const post = async (url: string, query: string, authorization?: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse };
    };
    const query = '{ arbeidsmarktregios { code } }';
    const tokens: [string, string | undefined][] = [
      ['no token', undefined],
      ['expired token', `Bearer ${await access.issuer.issue(KLANTMANAGER_UWV, { expiresIn: -60 })}`],
      ['wrong audience', `Bearer ${await access.issuer.issue(KLANTMANAGER_UWV, { audience: 'iets-anders' })}`],
    ];
    for (const [what, authorization] of tokens) {
      const { status, body } = await post(stack.gatewayUrl, query, authorization);
      expect(status, what).toBe(401);
      expect(body.data ?? undefined, what).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code), what).toEqual(['UNAUTHENTICATED']);
    }
    // The subgraphs verify the token themselves: going around the gateway does not help.
    const direct = await post(stack.subgraphs.uwv.url, '{ _entities(representations: [{ __typename: "Kandidaat", id: "x", toegang: "x" }]) { ... on Kandidaat { uwvDossier { naam } } } }');
    expect(direct.status).toBe(401);
    expect(direct.body.data ?? undefined).toBeUndefined();
    expect(direct.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
