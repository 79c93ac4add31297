/**
 * End-to-end test of the gemeente subgraph over HTTP against the gemeente sandbox: `_entities`
 * resolves dossiers, employer relations and WSP vacancies from JSON systems and CSV exports; a
 * malformed record gives a null field plus a PARTNER_RECORD_INVALID error while the rest resolves;
 * 20 candidates cost one partner call per source system; a failing partner gives PARTNER_UNAVAILABLE.
 * Access: no token is a 401, a missing or forged access decision or a missing purpose withholds the
 * dossier, and every dossier returned is recorded in the audit log first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { vacatureId } from '../../adapters/kit/vacature-id.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import type { Persoon, World } from '../../sandbox/generator/world-types.js';
import { startGemeenteSandbox } from '../../sandbox/gemeente/server.js';
import type { PartnerServer } from '../../sandbox/kit/partner-server.js';
import { subgraphTestAccess, TEST_KLANTMANAGER } from '../../test/support/access.js';
import type { RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { startGemeenteSubgraph } from './server.js';

const pseudonymize = createPseudonymizer('gemeente-subgraph-test-pseudoniemsleutel');
const bronnen = loadBronnen();
const t = subgraphTestAccess('gemeente');
let world: World;
let sandbox: PartnerServer;
let subgraph: RunningPartnerSubgraph;

beforeAll(async () => {
  world = generateWorld({ kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 }, bronnen);
  sandbox = await startGemeenteSandbox(world, bronnen);
  subgraph = await startGemeenteSubgraph({ bronnen: loadBronnen({ GEMEENTE_BRON_URL: sandbox.url }), pseudonymize, timeoutMs: 5_000, access: t.deps });
});
afterAll(async () => {
  await subgraph?.stop();
  await sandbox?.close();
});

interface GraphQLResponse {
  data?: { _entities: (Record<string, unknown> | null)[] };
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const DOSSIER = `... on Kandidaat { id gemeenteDossier { gemeente { code } naam geboortedatum regeling participatieladderTrede klantmanager inBeeldSinds statushouder bijgewerktOp } }`;

type Representation = { __typename: string; id?: string; kvkNummer?: string; toegang?: string };

/** Representations as the router sends them: Kandidaat and Werkgever carry the loket's decision. */
async function entities(representations: Representation[], selection: string, headers?: Record<string, string>): Promise<GraphQLResponse> {
  return (await post(representations.map(t.granted), selection, headers ?? (await t.headers()))).json() as Promise<GraphQLResponse>;
}

function post(representations: Representation[], selection: string, headers: Record<string, string>): Promise<Response> {
  return fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, variables: { r: representations } }),
  });
}

const formaatVan = (bronId: string) => bronnen.gemeente.find((b) => b.id === bronId)?.formaat;
type Klant = Persoon & { gemeente: NonNullable<Persoon['gemeente']> };
const klanten = (): Klant[] => world.personen.filter((p): p is Klant => p.gemeente !== undefined);
const kandidaat = (p: Persoon): Representation => ({ __typename: 'Kandidaat', id: pseudonymize(p.bsn) });

function klant(predicate: (p: Klant) => boolean): Klant {
  const found = klanten().find(predicate);
  if (!found) throw new Error('no such client in the test world');
  return found;
}

function expectNoBsn(body: unknown): void {
  const text = JSON.stringify(body);
  for (const p of world.personen) expect(text).not.toContain(p.bsn);
}

describe('gemeente subgraph', () => {
  it('warmed up from every gemeente system', () => {
    expect(subgraph.lastWarmUp()?.unavailable).toEqual([]);
    expect(subgraph.lastWarmUp()?.records).toBeGreaterThan(0);
  });

  it('resolves gemeente dossiers from JSON systems and CSV exports; null for people no gemeente knows', async () => {
    const json = klant((p) => !p.gemeente.corrupt && formaatVan(p.gemeente.bronId) === 'json' && p.tussenvoegsel !== '');
    const csv = klant((p) => !p.gemeente.corrupt && formaatVan(p.gemeente.bronId) === 'csv');
    const onbekend = world.personen.find((p) => !p.gemeente) as Persoon;
    t.audit.length = 0;

    const body = await entities([kandidaat(json), kandidaat(csv), kandidaat(onbekend)], DOSSIER);

    expect(body.errors).toBeUndefined();
    expect(body.data?._entities[0]).toEqual({
      id: pseudonymize(json.bsn),
      gemeenteDossier: {
        gemeente: { code: json.gemeenteCode },
        naam: `${json.voornaam} ${json.tussenvoegsel} ${json.achternaam}`,
        geboortedatum: json.geboortedatum,
        regeling: json.gemeente.regeling,
        participatieladderTrede: json.gemeente.trede,
        klantmanager: json.gemeente.klantmanager,
        inBeeldSinds: json.gemeente.sinds,
        statushouder: json.statushouder,
        bijgewerktOp: json.gemeente.bijgewerktOp,
      },
    });
    expect(body.data?._entities[1]).toMatchObject({ gemeenteDossier: { geboortedatum: csv.geboortedatum, inBeeldSinds: csv.gemeente.sinds, statushouder: csv.statushouder, participatieladderTrede: csv.gemeente.trede } });
    expect(new Date(String((body.data?._entities[1]?.gemeenteDossier as Record<string, unknown>).bijgewerktOp)).getTime()).toBe(Math.floor(new Date(csv.gemeente.bijgewerktOp).getTime() / 1000) * 1000);
    expect(body.data?._entities[2]).toEqual({ id: pseudonymize(onbekend.bsn), gemeenteDossier: null });
    expectNoBsn(body);
    // One record per dossier returned, none for the person no gemeente knows.
    expect(t.audit.map((r) => r.betrokkene).sort()).toEqual([pseudonymize(json.bsn), pseudonymize(csv.bsn)].sort());
    for (const record of t.audit) {
      expect(record).toMatchObject({ velden: ['Kandidaat.gemeenteDossier'], status: 'OK', resource: 'een-loket/gemeente', doelbinding: 're-integratie', verwerkingsactiviteit: 'klantdossier-inzien' });
    }
    expectNoBsn(t.audit);
  });

  it('reports a malformed record as PARTNER_RECORD_INVALID while the other entities resolve', async () => {
    const goed = klant((p) => !p.gemeente.corrupt);
    const kapotJson = klant((p) => p.gemeente.corrupt === true && formaatVan(p.gemeente.bronId) === 'json');
    const kapotCsv = klant((p) => p.gemeente.corrupt === true && formaatVan(p.gemeente.bronId) === 'csv');

    const body = await entities([kandidaat(kapotJson), kandidaat(goed), kandidaat(kapotCsv)], DOSSIER);

    expect(body.data?._entities[0]).toEqual({ id: pseudonymize(kapotJson.bsn), gemeenteDossier: null });
    expect(body.data?._entities[1]).toMatchObject({ gemeenteDossier: { naam: expect.stringContaining(goed.achternaam) } });
    expect(body.data?._entities[2]).toEqual({ id: pseudonymize(kapotCsv.bsn), gemeenteDossier: null });
    const byPath = (index: number) => body.errors?.find((e) => e.path?.[1] === index)?.extensions;
    expect(byPath(0)).toMatchObject({ code: 'PARTNER_RECORD_INVALID', bron: 'GEMEENTE', bronSysteem: kapotJson.gemeente.bronId, record: kapotJson.gemeente.klantnummer, veld: expect.stringMatching(/^(geboortedatum|participatieladder_trede)$/) });
    expect(byPath(2)).toMatchObject({ code: 'PARTNER_RECORD_INVALID', bron: 'GEMEENTE', bronSysteem: kapotCsv.gemeente.bronId, record: kapotCsv.gemeente.klantnummer, veld: 'geboortedatum' });
    expect(body.errors).toHaveLength(2);
    expectNoBsn(body);
  });

  it('costs one partner call per source system for a batch of 20 candidates', async () => {
    const twintig = klanten().slice(0, 20);
    const systemen = new Set(twintig.map((p) => p.gemeente.bronId));
    sandbox.resetCounters();

    const body = await entities(twintig.map(kandidaat), DOSSIER);

    expect(body.data?._entities.filter((e) => e?.gemeenteDossier !== null)).toHaveLength(twintig.filter((p) => !p.gemeente.corrupt).length);
    expect(systemen.size).toBeGreaterThan(1);
    expect(sandbox.counters().total).toBe(systemen.size);
  });

  it('resolves employer relations and WSP vacancies', async () => {
    const werkgever = world.werkgevers.find((w) => w.gemeente && !w.gemeente.corrupt);
    const onbekend = world.werkgevers.find((w) => !w.gemeente);
    const vacature = world.vacatures.find((v) => v.gemeente && !v.gemeente.corrupt);
    if (!werkgever?.gemeente || !onbekend || !vacature?.gemeente) throw new Error('test world lacks employers or vacancies');

    const body = await entities(
      [
        { __typename: 'Werkgever', kvkNummer: werkgever.kvkNummer },
        { __typename: 'Werkgever', kvkNummer: onbekend.kvkNummer },
        { __typename: 'Vacature', id: vacatureId(vacature.kvkNummer, vacature.titel, vacature.postcode) },
        { __typename: 'Vacature', id: 'vac_onbekend' },
      ],
      `... on Werkgever { kvkNummer gemeenteRelaties { gemeente { code } accountmanager lksPlaatsingen laatsteContact } }
       ... on Vacature { id wspVacature { nummer omschrijving gemeente { code } } }`,
    );

    expect(body.errors).toBeUndefined();
    expect(body.data?._entities[0]).toEqual({
      kvkNummer: werkgever.kvkNummer,
      gemeenteRelaties: [{ gemeente: { code: werkgever.gemeenteCode }, accountmanager: werkgever.gemeente.accountmanager, lksPlaatsingen: werkgever.gemeente.lksPlaatsingen, laatsteContact: werkgever.gemeente.laatsteContact }],
    });
    expect(body.data?._entities[1]).toEqual({ kvkNummer: onbekend.kvkNummer, gemeenteRelaties: [] });
    expect(body.data?._entities[2]).toMatchObject({ wspVacature: { nummer: vacature.gemeente.nummer, omschrijving: vacature.omschrijving, gemeente: { code: vacature.gemeenteCode } } });
    expect(body.data?._entities[3]).toMatchObject({ wspVacature: null });
  });

  it('answers PARTNER_UNAVAILABLE with the bron when the gemeente systems fail, without crashing', async () => {
    const [een, twee] = klanten().filter((p) => !p.gemeente.corrupt);
    sandbox.knobs.errorRate = 1;
    try {
      const werkgever = world.werkgevers.find((w) => w.gemeente && !w.gemeente.corrupt) as World['werkgevers'][number];
      const body = await entities(
        [kandidaat(een as Klant), kandidaat(twee as Klant), { __typename: 'Werkgever', kvkNummer: werkgever.kvkNummer }],
        `${DOSSIER} ... on Werkgever { kvkNummer gemeenteRelaties { accountmanager } }`,
      );

      expect(body.data?._entities).toEqual([
        { id: pseudonymize((een as Klant).bsn), gemeenteDossier: null },
        { id: pseudonymize((twee as Klant).bsn), gemeenteDossier: null },
        { kvkNummer: werkgever.kvkNummer, gemeenteRelaties: null },
      ]);
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors ?? []) expect(error.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', bron: 'GEMEENTE' });
      expectNoBsn(body);
    } finally {
      sandbox.knobs.errorRate = 0;
    }
  });

  describe('access', () => {
    const bekend = () => klant((p) => !p.gemeente.corrupt);

    it('refuses a request without a token with 401 UNAUTHENTICATED and no data', async () => {
      const response = await post([t.granted(kandidaat(bekend()))], DOSSIER, {});
      expect(response.status).toBe(401);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('withholds the dossier, unaudited, when the access decision is missing or forged', async () => {
      const persoon = bekend();
      t.audit.length = 0;

      const body = (await (await post([kandidaat(persoon), t.tampered(t.granted(kandidaat(persoon)))], DOSSIER, await t.headers())).json()) as GraphQLResponse;

      expect(body.data?._entities).toEqual([
        { id: pseudonymize(persoon.bsn), gemeenteDossier: null },
        { id: pseudonymize(persoon.bsn), gemeenteDossier: null },
      ]);
      expect(body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.reden])).toEqual([
        [['_entities', 0, 'gemeenteDossier'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
        [['_entities', 1, 'gemeenteDossier'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
      ]);
      expect(t.audit).toEqual([]);
    });

    it('withholds the dossier, unaudited, without the purpose headers', async () => {
      const persoon = bekend();
      // As the router sends it, but without x-doelbinding and x-verwerking.
      const zonderDoel = await t.headersFor(TEST_KLANTMANAGER);
      t.audit.length = 0;

      const body = await entities([kandidaat(persoon)], DOSSIER, zonderDoel);

      expect(body.data?._entities).toEqual([{ id: pseudonymize(persoon.bsn), gemeenteDossier: null }]);
      expect(body.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reden: 'DOELBINDING' })]);
      expect(t.audit).toEqual([]);
    });
  });
});
