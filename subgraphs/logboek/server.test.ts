/**
 * The logboek subgraph over HTTP: a subgraph writes with the client (the caller's Authorization
 * header and its own service token), a beheerder reads the records back through the router; the actor
 * always comes from the token and the request id from the service token, only the subgraphs that
 * record reads may write — each only its own records, about a pseudonym — invalid input writes
 * nothing and names the field, and only a beheerder may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { DIENST_TOKEN_HEADER, nieuwVerzoek } from '../../kit/service-identity/service-token.js';
import { testAccess } from '../../test/support/access.js';
import { testDatabase } from '../../test/support/database.js';
import { createLogboekClient, LogboekUnavailableError, type VerwerkingRecord } from './client.js';
import { startLogboekSubgraph, type LogboekSubgraph } from './server.js';

const KLANTMANAGER: DevTokenClaims = { sub: 'km-0193-01', rol: 'klantmanager', organisatie: 'GM0193', regios: ['AM36'] };
const BEHEERDER: DevTokenClaims = { sub: 'beheer-01', rol: 'beheerder' };
const VASTLEGGEN = 'mutation($v: [VerwerkingInput!]!) { vastleggen(verwerkingen: $v) { aantal } }';

const access = testAccess();
const store = testDatabase();
let logboek: LogboekSubgraph;

beforeAll(async () => {
  logboek = await startLogboekSubgraph({ database: store.options, access: access.settings });
});

afterAll(async () => {
  await logboek?.stop();
  await store.dispose();
});

/** A pseudonym as the adapters make them: `kd_` and 22 characters. */
const pseudoniem = (n: number | string) => `kd_testbetrokkene${String(n).padStart(8, '0')}`;

function record(n: number, overrides: Partial<VerwerkingRecord> = {}): VerwerkingRecord {
  return {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: `00f067aa0ba902b${n}`,
    parentSpanId: '00f067aa0ba90200',
    naam: 'klantdossier-inzien',
    startTijd: '2026-11-24T09:30:00.000Z',
    eindTijd: '2026-11-24T09:30:00.120Z',
    status: 'OK',
    resource: 'een-loket/uwv',
    verwerkingsactiviteit: 'klantdossier-inzien',
    doelbinding: 're-integratie',
    betrokkene: pseudoniem(n),
    velden: ['Kandidaat.uwvDossier'],
    ...overrides,
  };
}

/** Headers of a call by subgraph `dienst` for a request of `claims` (request `verzoek`). */
async function asSubgraph(claims: DevTokenClaims, dienst: 'uwv' | 'gemeente' = 'uwv', verzoek = nieuwVerzoek()): Promise<Record<string, string>> {
  const { authorization } = await access.headers(claims);
  return { authorization: authorization!, [DIENST_TOKEN_HEADER]: await access.minter(dienst).mint('logboek', verzoek, authorization!.slice(7)) };
}

async function post(body: unknown, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(logboek.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

const READ = `query Lees($filter: VerwerkingFilter, $first: Int, $after: String) {
  verwerkingen(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id verzoek traceId spanId parentSpanId naam startTijd eindTijd status resource verwerkingsactiviteit
      doelbinding betrokkene actor { sub rol organisatie } velden foreignOperation { traceId spanId entity } vastgelegdOp } }
  }
}`;

async function read(variables: Record<string, unknown> = {}, claims: DevTokenClaims = BEHEERDER) {
  return post({ query: READ, variables }, await access.routerHeaders('logboek', claims));
}

async function total(): Promise<number> {
  return (await read({ first: 0 })).json.data.verwerkingen.totalCount;
}

/** What the uwv subgraph's logboek client sends for a request of `claims`. */
async function vastleggen(records: VerwerkingRecord[], claims: DevTokenClaims, verzoek = nieuwVerzoek(), dienst: 'uwv' | 'gemeente' = 'uwv'): Promise<void> {
  const { authorization } = await access.headers(claims);
  await createLogboekClient({ url: logboek.url, minter: access.minter(dienst) }).vastleggen(records, { authorization: authorization!, verzoek });
}

describe(`logboek subgraph (${store.kind})`, () => {
  it("records what a subgraph sends with the caller's token and request, and a beheerder reads it back", async () => {
    const verzoek = nieuwVerzoek();
    await vastleggen([record(1), record(2, { status: 'ERROR', foreignOperation: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), entity: 'https://gemeente.example/GM0193' } })], KLANTMANAGER, verzoek);
    const { json } = await read({ filter: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' } });
    expect(json.errors).toBeUndefined();
    const page = json.data.verwerkingen;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e: any) => e.node.betrokkene)).toEqual([pseudoniem(2), pseudoniem(1)]);
    expect(page.edges[0].node).toMatchObject({
      verzoek,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b2',
      parentSpanId: '00f067aa0ba90200',
      naam: 'klantdossier-inzien',
      startTijd: '2026-11-24T09:30:00.000Z',
      eindTijd: '2026-11-24T09:30:00.120Z',
      status: 'ERROR',
      resource: 'een-loket/uwv',
      verwerkingsactiviteit: 'klantdossier-inzien',
      doelbinding: 're-integratie',
      actor: { sub: 'km-0193-01', rol: 'klantmanager', organisatie: 'GM0193' },
      velden: ['Kandidaat.uwvDossier'],
      foreignOperation: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), entity: 'https://gemeente.example/GM0193' },
    });
    expect(Date.parse(page.edges[0].node.vastgelegdOp)).not.toBeNaN();
    expect(page.edges[1].node.foreignOperation).toBeNull();
  });

  it('takes the actor from the token: the input has no actor, and one sent along is refused', async () => {
    const before = await total();
    const spoofed = { ...record(3), actor: { sub: 'iemand-anders', rol: 'beheerder' } };
    const { json } = await post({ query: VASTLEGGEN, variables: { v: [spoofed] } }, await asSubgraph(KLANTMANAGER));
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await total()).toBe(before);

    await vastleggen([record(3, { betrokkene: pseudoniem('eigen') })], BEHEERDER);
    const mine = await read({ filter: { betrokkene: pseudoniem('eigen') } });
    expect(mine.json.data.verwerkingen.edges[0].node.actor).toEqual({ sub: 'beheer-01', rol: 'beheerder', organisatie: null });
  });

  it.each([
    ['verwerkingen[1].traceId', record(2, { traceId: 'XYZ' })],
    ['verwerkingen[1].spanId', record(2, { spanId: '0000000000000000' })],
    ['verwerkingen[1].betrokkene', record(2, { betrokkene: '999999990' })],
    ['verwerkingen[1].betrokkene', record(2, { betrokkene: 'Jan Jansen, BSN 999999990' })],
    ['verwerkingen[1].betrokkene', record(2, { betrokkene: 'kd_999999990' })],
    ['verwerkingen[1].eindTijd', record(2, { eindTijd: '2026-11-24T09:29:00Z' })],
    ['verwerkingen[1].startTijd', record(2, { startTijd: '2026-02-30T09:00:00Z' })],
    ['verwerkingen[1].velden', record(2, { velden: [] })],
    ['verwerkingen[1].velden[0]', record(2, { velden: ['uwvDossier'] })],
    ['verwerkingen[1].foreignOperation.entity', record(2, { foreignOperation: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), entity: 'geen uri' } })],
    ['verwerkingen[1].resource', record(2, { resource: 'een-loket/gemeente' })],
  ])('refuses invalid input naming %s, and writes nothing of the call', async (argument, bad) => {
    const before = await total();
    const { json } = await post({ query: VASTLEGGEN, variables: { v: [record(9), bad] } }, await asSubgraph(KLANTMANAGER));
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(json.errors[0].message).toContain(argument);
    expect(json.errors[0].message).not.toMatch(/999999990|XYZ|geen uri|Jansen/);
    expect(await total()).toBe(before);
  });

  it('gives the client a LogboekUnavailableError naming the field, never the token', async () => {
    const error = await vastleggen([record(4, { traceId: 'kapot' })], KLANTMANAGER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogboekUnavailableError);
    expect((error as Error).message).toMatch(/BAD_USER_INPUT \(verwerkingen\[0\]\.traceId\)/);
    expect((error as Error).message).not.toMatch(/eyJ/);
  });

  it('takes writes only from the subgraphs that record reads: never from a user token alone, nor from the router', async () => {
    const before = await total();
    const variables = { v: [record(5)] };
    const user = await post({ query: VASTLEGGEN, variables }, await access.headers(KLANTMANAGER));
    expect(user.status).toBe(401);
    expect(user.json.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'dienst' });
    const router = await post({ query: VASTLEGGEN, variables }, await access.routerHeaders('logboek', KLANTMANAGER));
    expect(router.status).toBe(401);
    expect(router.json.errors[0].message).toMatch(/Mutation\.vastleggen is for loket, gemeente, uwv, sw-bedrijf, onderwijs, werkgeversvereniging only, not for the router/);
    // Hidden in a fragment, the field is refused all the same.
    const fragment = await post({ query: 'mutation($v: [VerwerkingInput!]!) { ... on Mutation { vastleggen(verwerkingen: $v) { aantal } } }', variables }, await access.routerHeaders('logboek', KLANTMANAGER));
    expect(fragment.status).toBe(401);
    // A subgraph's service token for another user's request.
    const other = await asSubgraph(BEHEERDER);
    const replayed = await post({ query: VASTLEGGEN, variables }, { ...other, authorization: (await access.headers(KLANTMANAGER)).authorization! });
    expect(replayed.json.errors[0].message).toMatch(/made for another access token/);
    expect(await total()).toBe(before);
  });

  it('refuses requests without a valid user token', async () => {
    const before = await total();
    const headers = await asSubgraph(KLANTMANAGER);
    const { status, json } = await post({ query: VASTLEGGEN, variables: { v: [record(5)] } }, { ...headers, authorization: 'Bearer vervalst' });
    expect(status).toBe(401);
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(json)).not.toContain('vervalst');
    expect(await total()).toBe(before);
  });

  it('lets only a beheerder read the log, and only through the router', async () => {
    const { json } = await read({}, KLANTMANAGER);
    expect(json.errors?.[0]?.extensions?.code, JSON.stringify(json)).toBe('FORBIDDEN');
    expect(json.data?.verwerkingen ?? null).toBeNull();
    const direct = await post({ query: READ }, await access.headers(BEHEERDER));
    expect(direct.status).toBe(401);
    const fromSubgraph = await post({ query: READ }, await asSubgraph(BEHEERDER));
    expect(fromSubgraph.json.errors[0].message).toMatch(/Query\.verwerkingen is for router only, not for the uwv/);
  });

  it('pages with cursors and refuses bad paging and filter arguments by name', async () => {
    const first = (await read({ first: 1 })).json.data.verwerkingen;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await read({ first: 1, after: first.pageInfo.endCursor })).json.data.verwerkingen;
    expect(Number(next.edges[0].node.id)).toBeLessThan(Number(first.edges[0].node.id));

    const argumentOf = async (variables: Record<string, unknown>) => (await read(variables)).json.errors?.[0]?.extensions;
    expect(await argumentOf({ first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await argumentOf({ after: 'geen-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(await argumentOf({ filter: { van: '2026-11-25T00:00:00Z', tot: '2026-11-24T00:00:00Z' } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.tot' });
    expect(await argumentOf({ filter: { van: 'gisteren' } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.van' });
    expect(await argumentOf({ filter: { traceId: 'abc' } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.traceId' });
  });
});
