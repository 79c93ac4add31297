/**
 * Finding 6 of the trust issue: subgraphs talked to anyone. `_service { sdl }` answered without a
 * token and showed internal fields; CORS was `*` on gateway and subgraphs and a preflight from any
 * origin allowed `authorization`; malformed JSON and oversized bodies got an HTML page with a stack
 * trace and file paths; errors of partner calls named partner endpoints and error classes. Now:
 * - `_service` and introspection answer only the router's service identity;
 * - CORS only from the allow-list (development: this machine's pages; production: none unless
 *   CORS_ORIGINS says so), none at all on the subgraphs, the same in the Hive Gateway setup;
 * - production: no landing page, no introspection at the router;
 * - every error body is JSON without stack traces or paths, on gateway and subgraphs alike;
 * - a failing partner is named with a category, not an endpoint or an exception class.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { corsPolicyFromEnv } from '../../kit/http/cors-policy.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../schema/subgraphs.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';
import { startHiveGatewayFor, type HiveGateway } from '../support/hive-gateway.js';
import { cast, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let hive: HiveGateway;
let productie: RunningGateway;
let hiveProductie: HiveGateway;
let c: Cast;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 25, kandidaten: 600, vacatures: 200, werkgevers: 200, malformedRate: 0 }, database: store.options, access: access.settings });
  c = cast(stack, '-oppervlak');
  hive = await startHiveGatewayFor(stack, { cors: corsPolicyFromEnv({}) });
  hiveProductie = await startHiveGatewayFor(stack, { cors: corsPolicyFromEnv({ EEN_LOKET_OMGEVING: 'productie' }), production: true });
  const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
  productie = await startGateway({
    port: 0,
    auth: stack.accessSettings.auth,
    diensten: stack.accessSettings.diensten,
    subgraphUrls,
    production: true,
    cors: corsPolicyFromEnv({ EEN_LOKET_OMGEVING: 'productie', CORS_ORIGINS: 'https://portaal.regio-zwolle.example' }),
  });
});

afterAll(async () => {
  await productie?.stop();
  await hiveProductie?.stop();
  await hive?.stop();
  await stack?.stop();
  await store.dispose();
});

const url = (name: SubgraphName) => stack.subgraphs[name].url;

async function preflight(target: string, origin: string): Promise<Response> {
  return fetch(target, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
}

function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));
}

/**
 * A POST that keeps the answer even when the server answers (413) and closes before the whole body
 * is sent, which fetch reports as a failed write instead.
 */
function post(target: string, contentType: string, body: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(target, { method: 'POST', headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) } }, (response) => {
      answered = true;
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']), body: text }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    request.on('close', () => {
      if (!answered) reject(new Error(`no answer from ${target}`));
    });
    request.end(body);
  });
}

/** What must never be in an error body: stack frames, file paths, parser or exception internals. */
const INTERNALS = /\bat [\w.<>]+ \(|\/work\/|node_modules|[A-Za-z]:\\|\.ts:\d+|\.js:\d+|SyntaxError|TypeError|Error:|<html|<pre>/i;

describe('closed surfaces', () => {
  it.each(SUBGRAPH_NAMES)('the %s subgraph gives its SDL and introspection only to the router', async (name) => {
    for (const query of ['{ _service { sdl } }', '{ __schema { queryType { name } } }']) {
      const anonymous = await graphql(url(name), query);
      expect(anonymous.data ?? null, query).toBeNull();
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'dienst' });
      const user = await graphql(url(name), query, {}, await access.headers(c.actors.beheerder));
      expect(user.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'dienst' });
    }
    const router = await graphql(url(name), '{ _service { sdl } }', {}, await access.routerHeaders(name, c.actors.beheerder));
    expect(router.errors).toBeUndefined();
    expect(router.data?._service.sdl).toContain('extend schema');
  });

  it('answers a browser preflight only from allowed origins, and the subgraphs none at all', async () => {
    for (const target of [stack.gatewayUrl, hive.url]) {
      expect(corsHeaders(await preflight(target, 'https://evil.example')), target).toEqual({});
      const local = corsHeaders(await preflight(target, 'http://localhost:5173'));
      expect(local['access-control-allow-origin'], target).toBe('http://localhost:5173');
      expect(local['access-control-allow-headers']).toMatch(/authorization/);
    }
    for (const name of SUBGRAPH_NAMES) expect(corsHeaders(await preflight(url(name), 'http://localhost:5173')), name).toEqual({});
  });

  it('in production: CORS only from CORS_ORIGINS, no landing page and no introspection', async () => {
    expect(corsHeaders(await preflight(productie.url, 'http://localhost:5173'))).toEqual({});
    expect(corsHeaders(await preflight(productie.url, 'https://portaal.regio-zwolle.example'))['access-control-allow-origin']).toBe('https://portaal.regio-zwolle.example');
    expect(corsHeaders(await preflight(hiveProductie.url, 'http://localhost:5173'))).toEqual({});
    const page = await fetch(productie.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await page.text()).not.toMatch(/<html|<!doctype|embeddable-sandbox|apollo-server-landing-page/i);
    for (const gateway of [productie.url, hiveProductie.url]) {
      const introspection = await graphql(gateway, '{ __schema { types { name } } }', {}, await access.headers(c.actors.analist));
      expect(introspection.data?.__schema ?? null, gateway).toBeNull();
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    }
  });

  it('answers malformed, oversized and wrongly typed requests with a JSON error naming the problem, on both routers and every subgraph', async () => {
    const targets = [stack.gatewayUrl, hive.url, ...SUBGRAPH_NAMES.map(url)];
    const requests: [string, string, string, number, RegExp][] = [
      ['malformed JSON', 'application/json', '{"query": "{ __typename', 400, /not valid JSON|invalid JSON/],
      ['a body of 1.1 MB', 'application/json', JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(1_100_000) }), 413, /larger than 1048576 bytes/],
      ['XML', 'application/xml', '<query/>', 415, /Content-Type must be application\/json/],
    ];
    for (const target of targets) {
      for (const [what, contentType, body, status, message] of requests) {
        const response = await post(target, contentType, body);
        const text = response.body;
        expect(response.status, `${what} at ${target}`).toBe(status);
        expect(response.contentType, `${what} at ${target}`).toMatch(/^application\/json/);
        expect(JSON.parse(text).errors[0].message, `${what} at ${target}`).toMatch(message);
        expect(text, `${what} at ${target}`).not.toMatch(INTERNALS);
      }
    }
    for (const target of [stack.gatewayUrl, ...SUBGRAPH_NAMES.map(url)]) {
      const unknown = await fetch(new URL('/nergens', target));
      expect([unknown.status, await unknown.json()]).toEqual([404, { errors: [{ message: 'No GET /nergens here: GraphQL is served at /', extensions: { code: 'NOT_FOUND' } }] }]);
    }
  });

  it('names a failing partner and the kind of failure, never its endpoint or an exception class', async () => {
    await stack.sandboxes.uwv.close();
    const r = await graphql(stack.gatewayUrl, 'query($id: ID!) { kandidaat(id: $id) { id uwvDossier { naam } } }', { id: c.gedeeld.id }, await access.headers(c.actors.klantmanagerUwv, PURPOSES.klantdossier));
    expect(r.data?.kandidaat).toEqual({ id: c.gedeeld.id, uwvDossier: null });
    expect(r.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.bron, e.extensions?.categorie])).toEqual([['UWV (uwv): the partner system could not be reached', 'PARTNER_UNAVAILABLE', 'UWV', 'ONBEREIKBAAR']]);
    expect(JSON.stringify(r)).not.toMatch(/127\.0\.0\.1|http:|\/suwi|ECONN|Error/);
  });
});
