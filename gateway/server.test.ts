/**
 * The gateway with authentication, on a tiny supergraph composed here from stub subgraphs that echo
 * the headers they receive: every bad token is a 401 UNAUTHENTICATED with a reason and a Bearer
 * challenge, a token outside the Authorization header is refused, and a valid request reaches the
 * subgraphs with the token, the purpose headers and one trace per client request.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLFieldResolver } from 'graphql';
import { UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDevIssuer, devAuthConfig, DEV_ISSUER_ID } from '../kit/auth/dev-issuer.js';
import { NO_CORS } from '../kit/http/cors-policy.js';
import type { Dienst } from '../kit/service-identity/diensten.js';
import { newDienstSleutels } from '../kit/service-identity/service-keys.js';
import { dienstTokenVerifier } from '../kit/service-identity/service-token.js';
import { startGateway, type RunningGateway } from './server.js';
import { parseTraceparent } from '../kit/trace-context.js';

const issuer = createDevIssuer({ inMemory: true });
const diensten = newDienstSleutels();
const ANALIST = { rol: 'analist', regios: ['AM36'] };
const ECHO_FIELDS = 'authorization doelbinding verwerking traceparent tracestate dienst';

interface Echo {
  authorization: string | null;
  doelbinding: string | null;
  verwerking: string | null;
  traceparent: string | null;
  tracestate: string | null;
  dienst: string | null;
}

function stubSdl(field: string): string {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
    type Query { ${field}: Echo }
    type Echo @shareable { ${ECHO_FIELDS.split(' ').map((f) => `${f}: String`).join(' ')} }`;
}

async function startStub(field: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer<{ headers: IncomingHttpHeaders }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(stubSdl(field)),
      resolvers: {
        Query: {
          [field]: ((_: unknown, __: unknown, { headers }: { headers: IncomingHttpHeaders }): Echo => ({
            authorization: (headers.authorization as string | undefined) ?? null,
            doelbinding: (headers['x-doelbinding'] as string | undefined) ?? null,
            verwerking: (headers['x-verwerking'] as string | undefined) ?? null,
            traceparent: (headers.traceparent as string | undefined) ?? null,
            tracestate: (headers.tracestate as string | undefined) ?? null,
            dienst: (headers['x-dienst-token'] as string | undefined) ?? null,
          })) as GraphQLFieldResolver<unknown, unknown>,
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context: async ({ req }) => ({ headers: req.headers }) });
  return { url, stop: () => server.stop() };
}

/** A URL nobody listens on. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

let stubs: { url: string; stop(): Promise<void> }[];
let gateway: RunningGateway;

beforeAll(async () => {
  stubs = await Promise.all([startStub('echoA'), startStub('echoB')]);
  const composed = composeServices([
    { name: 'a', typeDefs: parse(stubSdl('echoA')), url: stubs[0]!.url },
    { name: 'b', typeDefs: parse(stubSdl('echoB')), url: stubs[1]!.url },
    { name: 'down', typeDefs: parse('type Query { down: String }'), url: await closedPortUrl() },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  gateway = await startGateway({ port: 0, supergraphSdl: composed.supergraphSdl, auth: devAuthConfig(issuer), diensten, cors: NO_CORS, rateLimit: { perActor: 1000, perAddress: 1000 } });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(stubs.map((s) => s.stop()));
});

interface GraphQLResponse {
  status: number;
  wwwAuthenticate: string | null;
  body: { data?: { echoA?: Echo; echoB?: Echo; down?: string | null } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(headers: Record<string, string>, body: Record<string, unknown> = { query: `{ echoA { ${ECHO_FIELDS} } echoB { ${ECHO_FIELDS} } }` }, search = ''): Promise<GraphQLResponse> {
  const response = await fetch(`${gateway.url}${search}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate'), body: (await response.json()) as GraphQLResponse['body'] };
}

function expectUnauthenticated(response: GraphQLResponse, reason: string, message: RegExp): void {
  expect(response.status).toBe(401);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors).toEqual([{ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED', reason } }]);
  expect(response.wwwAuthenticate).toMatch(reason === 'missing' ? /^Bearer realm="een-loket-graph"$/ : /^Bearer realm="een-loket-graph", error="invalid_(token|request)"/);
}

describe('gateway authentication', () => {
  it('refuses every bad token with 401 UNAUTHENTICATED, a reason and a Bearer challenge', async () => {
    const forged = await createDevIssuer({ inMemory: true }).issue(ANALIST);
    const unsigned = new UnsecuredJWT({ ...ANALIST, sub: 'x' }).setIssuer(DEV_ISSUER_ID).setAudience('een-loket-graph').setExpirationTime('1h').encode();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{}, 'missing', /^No access token/],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'malformed', /^Authorization header must be "Bearer <token>"/],
      [{ authorization: 'Bearer garbage' }, 'malformed', /not a signed JWT/],
      [{ authorization: `Bearer ${await issuer.issue(ANALIST, { expiresIn: -3600 })}` }, 'expired', /^Token expired at .*; get a new one$/],
      [{ authorization: `Bearer ${forged}` }, 'signature', /^Token is not signed by a current key/],
      [{ authorization: `Bearer ${await issuer.issue(ANALIST, { audience: 'andere-api' })}` }, 'audience', /^Token audience must be "een-loket-graph"$/],
      [{ authorization: `Bearer ${await issuer.issue(ANALIST, { issuer: 'https://evil.example' })}` }, 'issuer', /^Token issuer must be/],
      [{ authorization: `Bearer ${unsigned}` }, 'algorithm', /^Token algorithm "none" is not accepted/],
      [{ authorization: `Bearer ${await issuer.issue({ rol: 'klantmanager', regios: ['AM36'] })}` }, 'claims', /^Token claim "organisatie" is required for rol klantmanager$/],
    ];
    const responses = await Promise.all(cases.map(([headers]) => post(headers)));
    responses.forEach((response, i) => expectUnauthenticated(response, cases[i]![1], cases[i]![2]));
    expect(responses[3]!.wwwAuthenticate).toMatch(/error_description="Token expired at .*; get a new one"$/);
  });

  it('refuses a token in the URL or the request body, even next to a valid header', async () => {
    const token = await issuer.issue(ANALIST);
    const valid = { authorization: `Bearer ${token}` };
    const query = { query: '{ echoA { authorization } }' };
    expectUnauthenticated(await post(valid, query, `?access_token=${token}`), 'malformed', /not as query parameter "access_token"$/);
    expectUnauthenticated(await post({}, { ...query, access_token: token }), 'malformed', /not as body field "access_token"$/);
    expectUnauthenticated(await post(valid, { ...query, extensions: { token } }), 'malformed', /not as body field "extensions.token"$/);
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ echoA { authorization } }')}&access_token=${token}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect([get.status, get.headers.get('www-authenticate')]).toEqual([401, expect.stringContaining('error="invalid_request"')]);
  });

  it('calls every subgraph as the router: a service token for that subgraph, bound to the user token and to one id per client request', async () => {
    const authorization = `Bearer ${await issuer.issue(ANALIST)}`;
    const [first, second] = await Promise.all([post({ authorization }), post({ authorization })]);
    const calls = await Promise.all(
      [first, second].flatMap((response) => [
        dienstTokenVerifier(diensten, 'a' as Dienst).verify(response.body.data!.echoA!.dienst ?? undefined, authorization.slice(7)),
        dienstTokenVerifier(diensten, 'b' as Dienst).verify(response.body.data!.echoB!.dienst ?? undefined, authorization.slice(7)),
      ]),
    );
    expect(calls.map((c) => c.van)).toEqual(['router', 'router', 'router', 'router']);
    const [a1, b1, a2, b2] = calls.map((c) => c.verzoek);
    expect(a1).toMatch(/^[0-9a-f]{32}$/);
    expect(b1).toBe(a1);
    expect(b2).toBe(a2);
    expect(a2).not.toBe(a1);
    // A token for subgraph a is refused by subgraph b.
    await expect(dienstTokenVerifier(diensten, 'b' as Dienst).verify(first.body.data!.echoA!.dienst ?? undefined, authorization.slice(7))).rejects.toThrow(/claim aud invalid/);
  });

  it('forwards authorization, x-doelbinding and x-verwerking as received, and starts one trace per request', async () => {
    const authorization = `Bearer ${await issuer.issue(ANALIST)}`;
    const headers = { authorization, 'x-doelbinding': 'Participatiewet art. 7; re-integratie', 'x-verwerking': 'https://register.example.nl/verwerkingen/42' };
    const [first, second] = await Promise.all([post(headers), post({ ...headers, traceparent: 'not-a-traceparent', tracestate: 'vendor=1' })]);
    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      const { echoA, echoB } = response.body.data!;
      for (const echo of [echoA!, echoB!]) {
        expect(echo).toMatchObject({ authorization, doelbinding: headers['x-doelbinding'], verwerking: headers['x-verwerking'], tracestate: null });
      }
      const [a, b] = [parseTraceparent(echoA!.traceparent), parseTraceparent(echoB!.traceparent)];
      expect(a?.traceId).toBeDefined();
      expect(b?.traceId).toBe(a?.traceId); // one trace for the whole client request
      expect(b?.spanId).not.toBe(a?.spanId); // a span per subgraph call
    }
    expect(parseTraceparent(first.body.data!.echoA!.traceparent)!.traceId).not.toBe(parseTraceparent(second.body.data!.echoA!.traceparent)!.traceId);
  });

  it("passes the client's valid traceparent (and tracestate) to every subgraph", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const response = await post({ authorization: `Bearer ${await issuer.issue(ANALIST)}`, traceparent, tracestate: 'congo=t61rcWkgMzE' });
    expect(response.body.data?.echoA).toMatchObject({ traceparent, tracestate: 'congo=t61rcWkgMzE', doelbinding: null, verwerking: null });
    expect(response.body.data?.echoB).toMatchObject({ traceparent, tracestate: 'congo=t61rcWkgMzE' });
  });

  it('still names a subgraph that does not answer (SUBGRAPH_UNAVAILABLE) and serves the rest', async () => {
    const response = await post({ authorization: `Bearer ${await issuer.issue(ANALIST)}` }, { query: '{ echoA { verwerking } down }' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ echoA: { verwerking: null }, down: null });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'down' });
  });

  it('does not start in production without an identity provider', async () => {
    vi.stubEnv('EEN_LOKET_OMGEVING', 'productie');
    vi.stubEnv('AUTH_JWKS_URL', '');
    try {
      await expect(startGateway({ port: 0, supergraphSdl: 'unused' })).rejects.toThrow(/^AUTH_JWKS_URL is required in production/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
