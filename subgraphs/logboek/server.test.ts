/**
 * The logboek subgraph over HTTP: a subgraph writes with the client and the caller's Authorization
 * header, a beheerder reads the records back; the actor always comes from the token, invalid input
 * writes nothing and names the field, and only a beheerder may read.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kit/auth/actor.js';
import { AuthenticationError } from '../../kit/auth/token-verifier.js';
import { testDatabase } from '../../test/support/database.js';
import { createLogboekClient, LogboekUnavailableError, type VerwerkingRecord } from './client.js';
import { startLogboekSubgraph, type LogboekSubgraph } from './server.js';

const ACTORS: Record<string, Actor> = {
  'Bearer token-klantmanager': { sub: 'km-0193-01', rol: 'klantmanager', organisatie: 'GM0193', regios: ['AM36'] },
  'Bearer token-beheerder': { sub: 'beheer-01', rol: 'beheerder', regios: [] },
};
const KLANTMANAGER = 'Bearer token-klantmanager';
const BEHEERDER = 'Bearer token-beheerder';

/** Stands in for the token verifier: fixed tokens, anything else refused as the verifier would. */
async function authenticate(headers: IncomingHttpHeaders): Promise<Actor> {
  const actor = headers.authorization ? ACTORS[headers.authorization] : undefined;
  if (!actor) throw new AuthenticationError(headers.authorization ? 'signature' : 'missing', headers.authorization ? 'Token signature is not valid' : 'No access token');
  return actor;
}

const store = testDatabase();
let logboek: LogboekSubgraph;

beforeAll(async () => {
  logboek = await startLogboekSubgraph({ database: store.options, authenticate });
});

afterAll(async () => {
  await logboek?.stop();
  await store.dispose();
});

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
    betrokkene: `kd_kandidaat${n}`,
    velden: ['Kandidaat.uwvDossier'],
    ...overrides,
  };
}

async function post(body: unknown, authorization?: string): Promise<{ status: number; json: any }> {
  const response = await fetch(logboek.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const READ = `query Lees($filter: VerwerkingFilter, $first: Int, $after: String) {
  verwerkingen(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id traceId spanId parentSpanId naam startTijd eindTijd status resource verwerkingsactiviteit
      doelbinding betrokkene actor { sub rol organisatie } velden foreignOperation { traceId spanId entity } vastgelegdOp } }
  }
}`;

async function read(variables: Record<string, unknown> = {}, authorization = BEHEERDER) {
  return post({ query: READ, variables }, authorization);
}

async function total(): Promise<number> {
  return (await read({ first: 0 })).json.data.verwerkingen.totalCount;
}

describe(`logboek subgraph (${store.kind})`, () => {
  const client = () => createLogboekClient({ url: logboek.url });

  it('records what a subgraph sends with the caller token, and a beheerder reads it back', async () => {
    await client().vastleggen(
      [record(1), record(2, { status: 'ERROR', foreignOperation: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), entity: 'https://gemeente.example/GM0193' } })],
      KLANTMANAGER,
    );
    const { json } = await read({ filter: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' } });
    expect(json.errors).toBeUndefined();
    const page = json.data.verwerkingen;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e: any) => e.node.betrokkene)).toEqual(['kd_kandidaat2', 'kd_kandidaat1']);
    expect(page.edges[0].node).toMatchObject({
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
    const mutation = 'mutation($v: [VerwerkingInput!]!) { vastleggen(verwerkingen: $v) { aantal } }';
    const { json } = await post({ query: mutation, variables: { v: [spoofed] } }, KLANTMANAGER);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await total()).toBe(before);

    await client().vastleggen([record(3, { betrokkene: 'kd_eigen' })], BEHEERDER);
    const mine = await read({ filter: { betrokkene: 'kd_eigen' } });
    expect(mine.json.data.verwerkingen.edges[0].node.actor).toEqual({ sub: 'beheer-01', rol: 'beheerder', organisatie: null });
  });

  it.each([
    ['verwerkingen[1].traceId', record(2, { traceId: 'XYZ' })],
    ['verwerkingen[1].spanId', record(2, { spanId: '0000000000000000' })],
    ['verwerkingen[1].betrokkene', record(2, { betrokkene: '999999990' })],
    ['verwerkingen[1].eindTijd', record(2, { eindTijd: '2026-11-24T09:29:00Z' })],
    ['verwerkingen[1].startTijd', record(2, { startTijd: '2026-02-30T09:00:00Z' })],
    ['verwerkingen[1].velden', record(2, { velden: [] })],
    ['verwerkingen[1].velden[0]', record(2, { velden: ['uwvDossier'] })],
    ['verwerkingen[1].foreignOperation.entity', record(2, { foreignOperation: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), entity: 'geen uri' } })],
  ])('refuses invalid input naming %s, and writes nothing of the call', async (argument, bad) => {
    const before = await total();
    const mutation = 'mutation($v: [VerwerkingInput!]!) { vastleggen(verwerkingen: $v) { aantal } }';
    const { json } = await post({ query: mutation, variables: { v: [record(9), bad] } }, KLANTMANAGER);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(json.errors[0].message).toContain(argument);
    expect(json.errors[0].message).not.toMatch(/999999990|XYZ|geen uri/);
    expect(await total()).toBe(before);
  });

  it('gives the client a LogboekUnavailableError naming the field, never the token', async () => {
    const error = await client()
      .vastleggen([record(4, { traceId: 'kapot' })], KLANTMANAGER)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogboekUnavailableError);
    expect((error as Error).message).toMatch(/BAD_USER_INPUT \(verwerkingen\[0\]\.traceId\)/);
    expect((error as Error).message).not.toContain('token-klantmanager');
  });

  it('refuses requests without a valid token', async () => {
    const before = await total();
    const { status, json } = await post({ query: 'mutation($v: [VerwerkingInput!]!) { vastleggen(verwerkingen: $v) { aantal } }', variables: { v: [record(5)] } }, 'Bearer vervalst');
    expect(status).toBe(401);
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(json)).not.toContain('vervalst');
    expect((await read({ first: 0 }, '')).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await total()).toBe(before);
    await expect(client().vastleggen([record(5)], 'Bearer vervalst')).rejects.toThrow(/HTTP 401, UNAUTHENTICATED/);
  });

  it('lets only a beheerder read the log', async () => {
    const { json } = await read({}, KLANTMANAGER);
    expect(json.errors?.[0]?.extensions?.code, JSON.stringify(json)).toBe('FORBIDDEN');
    expect(json.data?.verwerkingen ?? null).toBeNull();
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
