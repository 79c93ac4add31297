/**
 * The uwv subgraph end to end: a generated world in the UWV sandbox, the subgraph reading it through
 * the UWV adapter, `_entities` queries over HTTP as the gateway sends them, with the user's token,
 * the purpose headers and the loket's access decisions; without them the UWV data is withheld.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { vacatureId } from '../../adapters/kit/vacature-id.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import type { Persoon, Vacature, Werkgever, World } from '../../sandbox/generator/world-types.js';
import type { PartnerServer } from '../../sandbox/kit/partner-server.js';
import { startUwvSandbox } from '../../sandbox/uwv/server.js';
import { subgraphTestAccess, TEST_KLANTMANAGER } from '../../test/support/access.js';
import type { RunningSubgraph } from '../kit/server.js';
import { startUwvSubgraph } from './server.js';

const pseudonymize = createPseudonymizer('subgraph-test-pseudoniem-sleutel-van-32-tekens');
const t = subgraphTestAccess('uwv');

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Kandidaat { id uwvDossier { naam geboortedatum uitkering doelgroepregister beschutWerkIndicatie gewenstBeroep ingeschrevenSinds bijgewerktOp } }
  ... on Werkgever { kvkNummer uwvRelatie { accountmanager laatsteContact aantalContactmomenten } }
  ... on Vacature { id werkNl { vacaturenummer omschrijving urenPerWeek geplaatstOp } }
} }`;

interface GraphQLAntwoord {
  data?: { _entities: (Record<string, unknown> | null)[] } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

type Representatie = ({ __typename: 'Kandidaat'; id: string } | { __typename: 'Werkgever'; kvkNummer: string } | { __typename: 'Vacature'; id: string }) & { toegang?: string };

const kandidaat = (p: Persoon): Representatie => ({ __typename: 'Kandidaat', id: pseudonymize(p.bsn) });
const werkgever = (w: Werkgever): Representatie => ({ __typename: 'Werkgever', kvkNummer: w.kvkNummer });
const vacature = (v: Vacature): Representatie => ({ __typename: 'Vacature', id: vacatureId(v.kvkNummer, v.titel, v.postcode) });
const isoDatum = (yyyyMmDd: string) => yyyyMmDd.slice(0, 10);

let world: World;
let sandbox: PartnerServer;
let subgraph: RunningSubgraph;

/** As the router sends them: Kandidaat and Werkgever carry the loket's access decision. */
async function entities(representations: Representatie[], url = subgraph.url): Promise<GraphQLAntwoord> {
  const response = await post(representations.map(t.granted), await t.headers(), url);
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLAntwoord;
}

function post(representations: Representatie[], headers: Record<string, string>, url = subgraph.url): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY, variables: { r: representations } }) });
}

function first<T>(items: T[], what: string): T {
  const [item] = items;
  if (item === undefined) throw new Error(`world has no ${what}`);
  return item;
}

beforeAll(async () => {
  world = generateWorld({ kandidaten: 400, vacatures: 200, werkgevers: 150, malformedRate: 0.05 });
  sandbox = await startUwvSandbox(world, loadBronnen());
  subgraph = await startUwvSubgraph({ port: 0, bronnen: loadBronnen({ UWV_BRON_URL: sandbox.url }), pseudonymize, access: t.deps });
});

afterAll(async () => {
  await subgraph?.stop();
  await sandbox?.close();
});

describe('uwv subgraph', () => {
  it("resolves a candidate's UWV dossier, and null for a person UWV does not know", async () => {
    const persoon = first(
      world.personen.filter((p) => p.uwv && !p.uwv.corrupt && p.uwv.uitkering && p.tussenvoegsel),
      'UWV klant with benefit and tussenvoegsel',
    );
    const onbekend = first(
      world.personen.filter((p) => !p.uwv),
      'person unknown to UWV',
    );
    const uwv = persoon.uwv;
    if (!uwv) throw new Error('unreachable');
    t.audit.length = 0;

    const { data, errors } = await entities([kandidaat(persoon), kandidaat(onbekend)]);

    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      {
        id: pseudonymize(persoon.bsn),
        uwvDossier: {
          naam: `${persoon.voornaam} ${persoon.tussenvoegsel} ${persoon.achternaam}`,
          geboortedatum: persoon.geboortedatum,
          uitkering: uwv.uitkering,
          doelgroepregister: uwv.doelgroepregister,
          beschutWerkIndicatie: uwv.beschutWerk,
          gewenstBeroep: uwv.beroepscode,
          ingeschrevenSinds: uwv.inschrijfdatum,
          bijgewerktOp: uwv.bijgewerktOp,
        },
      },
      { id: pseudonymize(onbekend.bsn), uwvDossier: null },
    ]);
    // The dossier returned was recorded first; nothing for the person UWV does not know.
    expect(t.audit).toEqual([
      expect.objectContaining({ betrokkene: pseudonymize(persoon.bsn), velden: ['Kandidaat.uwvDossier'], status: 'OK', resource: 'een-loket/uwv', doelbinding: 're-integratie' }),
    ]);
  });

  it("resolves an employer's UWV relation and a werk.nl vacancy", async () => {
    const w = first(
      world.werkgevers.filter((x) => x.uwv && !x.uwv.corrupt),
      'UWV employer',
    );
    const v = first(
      world.vacatures.filter((x) => x.uwv && !x.uwv.corrupt),
      'werk.nl vacancy',
    );
    const geenUwv = first(
      world.vacatures.filter((x) => !x.uwv),
      'vacancy not on werk.nl',
    );

    const { data, errors } = await entities([werkgever(w), vacature(v), vacature(geenUwv)]);

    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { kvkNummer: w.kvkNummer, uwvRelatie: { accountmanager: w.uwv?.accountmanager, laatsteContact: isoDatum(w.uwv?.laatsteContact ?? ''), aantalContactmomenten: w.uwv?.aantalContacten } },
      { id: vacatureId(v.kvkNummer, v.titel, v.postcode), werkNl: { vacaturenummer: v.uwv?.vacaturenummer, omschrijving: v.omschrijving, urenPerWeek: v.urenPerWeek, geplaatstOp: v.geplaatstOp } },
      { id: vacatureId(geenUwv.kvkNummer, geenUwv.titel, geenUwv.postcode), werkNl: null },
    ]);
  });

  it('makes a malformed UWV record a null field with PARTNER_RECORD_INVALID, while the rest resolves', async () => {
    const goed = first(
      world.personen.filter((p) => p.uwv && !p.uwv.corrupt),
      'valid UWV klant',
    );
    const kapot = first(
      world.personen.filter((p) => p.uwv?.corrupt),
      'corrupt UWV klant',
    );
    const kapotteWerkgever = first(
      world.werkgevers.filter((w) => w.uwv?.corrupt),
      'corrupt UWV employer',
    );

    const { data, errors } = await entities([kandidaat(goed), kandidaat(kapot), werkgever(kapotteWerkgever)]);

    expect(data?._entities[0]?.uwvDossier).not.toBeNull();
    expect(data?._entities[1]).toEqual({ id: pseudonymize(kapot.bsn), uwvDossier: null });
    expect(data?._entities[2]).toEqual({ kvkNummer: kapotteWerkgever.kvkNummer, uwvRelatie: null });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['_entities', 1, 'uwvDossier'],
          extensions: expect.objectContaining({ code: 'PARTNER_RECORD_INVALID', bron: 'UWV', record: kapot.uwv?.klantnummer, veld: 'Geboortedat' }),
        }),
        expect.objectContaining({
          path: ['_entities', 2, 'uwvRelatie'],
          extensions: expect.objectContaining({ code: 'PARTNER_RECORD_INVALID', bron: 'UWV', record: kapotteWerkgever.kvkNummer, veld: 'DatLaatsteContact' }),
        }),
      ]),
    );
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors)).not.toContain(kapot.bsn);
  });

  it('costs one UWV call per service for a batch of 20 candidates, 20 employers and 20 vacancies', async () => {
    const personen = world.personen.filter((p) => p.uwv).slice(0, 20);
    const werkgevers = world.werkgevers.filter((w) => w.uwv).slice(0, 20);
    const vacatures = world.vacatures.filter((v) => v.uwv).slice(0, 20);
    expect([personen.length, werkgevers.length, vacatures.length]).toEqual([20, 20, 20]);
    sandbox.resetCounters();

    const { data } = await entities([...personen.map(kandidaat), ...werkgevers.map(werkgever), ...vacatures.map(vacature)]);

    expect(data?._entities).toHaveLength(60);
    expect(sandbox.counters().byRoute).toEqual({ KlantService: 1, WerkgeverService: 1, VacatureService: 1 });
  });

  it('answers PARTNER_UNAVAILABLE naming UWV, with null UWV fields, when UWV fails', async () => {
    const persoon = first(
      world.personen.filter((p) => p.uwv && !p.uwv.corrupt),
      'valid UWV klant',
    );
    const w = first(
      world.werkgevers.filter((x) => x.uwv && !x.uwv.corrupt),
      'UWV employer',
    );
    sandbox.knobs.errorRate = 1;
    try {
      const { data, errors } = await entities([kandidaat(persoon), werkgever(w)]);

      expect(data?._entities).toEqual([
        { id: pseudonymize(persoon.bsn), uwvDossier: null },
        { kvkNummer: w.kvkNummer, uwvRelatie: null },
      ]);
      expect(errors).toHaveLength(2);
      for (const error of errors ?? []) expect(error.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', bron: 'UWV', bronSysteem: 'uwv' });
    } finally {
      sandbox.knobs.errorRate = 0;
    }
  });

  it('starts while UWV is down and resolves candidates once UWV is back', async () => {
    const persoon = first(
      world.personen.filter((p) => p.uwv && !p.uwv.corrupt),
      'valid UWV klant',
    );
    sandbox.knobs.errorRate = 1;
    let laat: RunningSubgraph | undefined;
    try {
      laat = await startUwvSubgraph({ port: 0, bronnen: loadBronnen({ UWV_BRON_URL: sandbox.url }), pseudonymize, warmUpRetryMs: 20, access: t.deps });
      const url = laat.url;
      sandbox.knobs.errorRate = 0;

      await vi.waitFor(
        async () => {
          const { data } = await entities([kandidaat(persoon)], url);
          expect(data?._entities[0]?.uwvDossier).not.toBeNull();
        },
        { timeout: 20_000, interval: 50 },
      );
    } finally {
      sandbox.knobs.errorRate = 0;
      await laat?.stop();
    }
  });

  describe('access', () => {
    const klant = () => first(
      world.personen.filter((p) => p.uwv && !p.uwv.corrupt),
      'valid UWV klant',
    );

    it('refuses a request without a token with 401 UNAUTHENTICATED and no data', async () => {
      const response = await post([t.granted(kandidaat(klant()))], {});
      expect(response.status).toBe(401);
      const body = (await response.json()) as GraphQLAntwoord;
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('withholds the dossier, unaudited, when the access decision is missing or forged', async () => {
      const persoon = klant();
      t.audit.length = 0;

      const response = await post([kandidaat(persoon), t.tampered(t.granted(kandidaat(persoon)))], await t.headers());
      const { data, errors } = (await response.json()) as GraphQLAntwoord;

      expect(data?._entities).toEqual([
        { id: pseudonymize(persoon.bsn), uwvDossier: null },
        { id: pseudonymize(persoon.bsn), uwvDossier: null },
      ]);
      expect(errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.reden])).toEqual([
        [['_entities', 0, 'uwvDossier'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
        [['_entities', 1, 'uwvDossier'], 'FORBIDDEN', 'BESLUIT_ONGELDIG'],
      ]);
      expect(t.audit).toEqual([]);
    });

    it('withholds the dossier, unaudited, without the purpose headers', async () => {
      const persoon = klant();
      // As the router sends it, but without x-doelbinding and x-verwerking.
      const zonderDoel = await t.headersFor(TEST_KLANTMANAGER);
      t.audit.length = 0;

      const response = await post([t.granted(kandidaat(persoon))], zonderDoel);
      const { data, errors } = (await response.json()) as GraphQLAntwoord;

      expect(data?._entities).toEqual([{ id: pseudonymize(persoon.bsn), uwvDossier: null }]);
      expect(errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reden: 'DOELBINDING' })]);
      expect(t.audit).toEqual([]);
    });
  });
});
