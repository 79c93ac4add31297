/**
 * Bad partner data never fails a page: a malformed record (an XML element with an impossible date,
 * a CSV row with an impossible date, a JSON record without a required field) is left out and
 * reported as a GraphQL error naming partner, record and field; the rest is served. Same for a
 * partner system that is down. Through the gateway, for every partner kind, as a role that may read
 * the fields concerned: a klantmanager of an organisation that has the person as its client (with the
 * klantdossier purpose) for personal data, an accountmanager of the region for employers, and the
 * beheerder for the source status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persoon, Werkgever } from '../../sandbox/generator/world-types.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 11, kandidaten: 2000, vacatures: 600, werkgevers: 800, malformedRate: 0.05 }, database: store.options, access: access.settings });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

const KANDIDAAT = `query($id: ID!) { kandidaat(id: $id) { id bronnen
  gemeenteDossier { regeling } uwvDossier { ingeschrevenSinds } swDienstverband { soort } onderwijs { diplomas { crebo } } } }`;
const WERKGEVER = `query($kvk: ID!) { werkgever(kvkNummer: $kvk) { kvkNummer naam bronnen
  uwvRelatie { accountmanager } gemeenteRelaties { lksPlaatsingen } swDetacheringen { aantalMedewerkers } leerbedrijf { erkend } lidmaatschap { branche } } }`;

/** A person with a corrupt record at one partner who is still in the index through a sound one. */
function corruptPersoon(slice: 'gemeente' | 'uwv' | 'sw' | 'onderwijs'): Persoon {
  const sound = (p: Persoon) => (p.gemeente && !p.gemeente.corrupt) || (p.uwv && !p.uwv.corrupt);
  const persoon = stack.world.personen.find((p) => p[slice]?.corrupt && sound(p) && (slice === 'gemeente' ? p.uwv && !p.uwv.corrupt : slice === 'uwv' ? p.gemeente && !p.gemeente.corrupt : true));
  if (!persoon) throw new Error(`world has no corrupt ${slice} record for this test`);
  return persoon;
}

/**
 * Headers of a klantmanager, with the klantdossier purpose, of an organisation whose sound record
 * makes the person its client: the gemeente when its record is sound, otherwise UWV.
 */
function klantmanagerVan(persoon: Persoon): Promise<Record<string, string>> {
  const organisatie = persoon.gemeente && !persoon.gemeente.corrupt ? persoon.gemeenteCode : 'UWV';
  return access.headers({ sub: `km-${organisatie}`, rol: 'klantmanager', organisatie, regios: [persoon.regioCode] }, PURPOSES.klantdossier);
}

/** Headers of an accountmanager of the werkgeversservicepunt of a region. */
function accountmanagerIn(regioCode: string): Promise<Record<string, string>> {
  return access.headers({ sub: `am-${regioCode}`, rol: 'accountmanager', organisatie: `WSP-${regioCode}`, regios: [regioCode] });
}

function corruptWerkgever(slice: 'onderwijs' | 'werkgeversvereniging'): Werkgever {
  const werkgever = stack.world.werkgevers.find((w) => w[slice]?.corrupt && w.uwv && !w.uwv.corrupt);
  if (!werkgever) throw new Error(`world has no corrupt ${slice} employer for this test`);
  return werkgever;
}

function expectRecordError(response: GraphQLResponse, bron: string, field: string): void {
  const error = response.errors?.find((e) => e.extensions?.bron === bron);
  expect(error, JSON.stringify(response.errors)).toBeDefined();
  expect(error?.extensions).toMatchObject({ code: 'PARTNER_RECORD_INVALID', bron });
  expect(error?.extensions?.record).toEqual(expect.any(String));
  expect(error?.extensions?.veld).toEqual(expect.any(String));
  expect(error?.path?.at(-1)).toBe(field);
}

describe('bad partner data', () => {
  it.each([
    ['uwv', 'UWV', 'uwvDossier'],
    ['gemeente', 'GEMEENTE', 'gemeenteDossier'],
    ['sw', 'SW_BEDRIJF', 'swDienstverband'],
    ['onderwijs', 'ONDERWIJS', 'onderwijs'],
  ] as const)('a malformed %s record leaves that dossier out with an error; the rest is served', async (slice, bron, field) => {
    const persoon = corruptPersoon(slice);
    const response = await graphql(stack.gatewayUrl, KANDIDAAT, { id: stack.pseudonymize(persoon.bsn) }, await klantmanagerVan(persoon));
    expect(response.data?.kandidaat).not.toBeNull();
    expect(response.data?.kandidaat[field]).toBeNull();
    expectRecordError(response, bron, field);
    const sound = persoon.gemeente && !persoon.gemeente.corrupt ? 'gemeenteDossier' : 'uwvDossier';
    expect(response.data?.kandidaat[sound]).not.toBeNull();
    expect(JSON.stringify(response)).not.toContain(persoon.bsn);
  });

  it.each([
    ['werkgeversvereniging', 'WERKGEVERSVERENIGING', 'lidmaatschap'],
    ['onderwijs', 'ONDERWIJS', 'leerbedrijf'],
  ] as const)('a malformed %s employer record leaves that part out with an error; the rest is served', async (slice, bron, field) => {
    const werkgever = corruptWerkgever(slice);
    const response = await graphql(stack.gatewayUrl, WERKGEVER, { kvk: werkgever.kvkNummer }, await accountmanagerIn(werkgever.regioCode));
    expect(response.data?.werkgever?.naam).toBeTruthy();
    expect(response.data?.werkgever[field]).toBeNull();
    expect(response.data?.werkgever.uwvRelatie).not.toBeNull();
    expectRecordError(response, bron, field);
  });

  it('serves a whole page of employers with errors only for the malformed ones', async () => {
    const werkgever = corruptWerkgever('werkgeversvereniging');
    const response = await graphql(
      stack.gatewayUrl,
      `query($regio: ID!) { arbeidsmarktregio(code: $regio) { werkgevers(first: 100, filter: { bron: UWV }) { totalCount edges { node { kvkNummer naam lidmaatschap { branche } } } } } }`,
      { regio: werkgever.regioCode },
      await accountmanagerIn(werkgever.regioCode),
    );
    const edges = response.data?.arbeidsmarktregio.werkgevers.edges as { node: { kvkNummer: string; naam: string } }[];
    expect(edges.length).toBe(Math.min(100, response.data?.arbeidsmarktregio.werkgevers.totalCount));
    for (const error of response.errors ?? []) expect(error.extensions?.code).toBe('PARTNER_RECORD_INVALID');
    expect(edges.every((e) => e.node.naam)).toBe(true);
  });

  it('reports records left out of the index per source system', async () => {
    const { data, errors } = await graphql(
      stack.gatewayUrl,
      '{ bronStatus { bron bronSysteem aantalRecords afgewezen { recordSoort record veld melding } } }',
      undefined,
      await access.headers({ sub: 'beheerder', rol: 'beheerder' }),
    );
    expect(errors).toBeUndefined();
    const statuses = data?.bronStatus as { bron: string; afgewezen: unknown[] }[];
    for (const bron of ['UWV', 'GEMEENTE', 'SW_BEDRIJF', 'ONDERWIJS', 'WERKGEVERSVERENIGING']) {
      expect(statuses.filter((s) => s.bron === bron).some((s) => s.afgewezen.length > 0), bron).toBe(true);
    }
    const text = JSON.stringify(data);
    for (const persoon of stack.world.personen.slice(0, 500)) expect(text).not.toContain(persoon.bsn);
  });

  it('serves partial data with a PARTNER_UNAVAILABLE error naming the partner when it is down', async () => {
    const persoon = stack.world.personen.find((p) => p.uwv && !p.uwv.corrupt && p.gemeente && !p.gemeente.corrupt) as Persoon;
    stack.sandboxes.uwv.knobs.errorRate = 1;
    try {
      const response = await graphql(stack.gatewayUrl, KANDIDAAT, { id: stack.pseudonymize(persoon.bsn) }, await klantmanagerVan(persoon));
      expect(response.data?.kandidaat.gemeenteDossier).not.toBeNull();
      expect(response.data?.kandidaat.uwvDossier).toBeNull();
      expect(response.errors?.find((e) => e.extensions?.code === 'PARTNER_UNAVAILABLE')?.extensions?.bron).toBe('UWV');
    } finally {
      stack.sandboxes.uwv.knobs.errorRate = 0;
    }
  });
});

describe('a subgraph that is down', () => {
  it('serves the other subgraphs\' fields with an error naming the subgraph, not its URL', async () => {
    const persoon = stack.world.personen.find((p) => p.uwv && !p.uwv.corrupt && p.gemeente && !p.gemeente.corrupt) as Persoon;
    // Last test of this file: the uwv subgraph stays down.
    await stack.subgraphs.uwv.stop();
    const response = await graphql(stack.gatewayUrl, KANDIDAAT, { id: stack.pseudonymize(persoon.bsn) }, await klantmanagerVan(persoon));
    expect(response.data?.kandidaat.gemeenteDossier).not.toBeNull();
    expect(response.data?.kandidaat.uwvDossier).toBeNull();
    const error = response.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(error?.extensions?.subgraph).toBe('uwv');
    expect(JSON.stringify(response.errors)).not.toContain(stack.subgraphs.uwv.url);
  });
});
