/**
 * How to put another federation router in front of the subgraphs: the settings Hive Gateway
 * (`@graphql-hive/gateway-runtime`, or the `hive-gateway` CLI with a `gateway.config.ts` that spreads
 * these) needs to serve this graph as our own gateway does — the tests run the graph through exactly
 * this setup. Like every router it calls each subgraph as the router:
 * - it forwards the client's `authorization`, purpose headers and trace context;
 * - it signs a service token for each subgraph (`x-dienst-token`, kit/service-identity) with the
 *   router's key, carrying one new id per client request. Because that header differs per client
 *   request, Hive's merging of identical in-flight subgraph requests never merges two client
 *   requests (whose personal-data reads must each be audited); the subgraphs refuse calls without it.
 * Each subgraph call ends after SUBGRAPH_TIMEOUT_MS. Browsers only from the CORS allow-list; no GraphiQL or landing page (they load from a CDN); no
 * introspection in production. At the edge it answers like our gateway (kit/http/http-errors.ts): a
 * body declared larger than 1 MiB gets 413, a wrong content type a JSON 415, and Yoga's parser
 * internals (`extensions.originalError`, which names the exception and quotes the body) are removed.
 */
import type { createGatewayRuntime, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { bearerTokenOf } from '../kit/auth/token-verifier.js';
import { allowsOrigin, CORS_REQUEST_HEADERS, type CorsPolicy } from '../kit/http/cors-policy.js';
import { DEFAULT_BODY_LIMIT_BYTES } from '../kit/http/graphql-http-server.js';
import { HTTP_FOUTEN, httpErrorBody, type HttpFout } from '../kit/http/http-errors.js';
import { ROUTER, isDienst } from '../kit/service-identity/diensten.js';
import type { DienstSleutels } from '../kit/service-identity/service-keys.js';
import { DIENST_TOKEN_HEADER, dienstTokenMinter, nieuwVerzoek } from '../kit/service-identity/service-token.js';
import { FORWARDED_HEADERS } from './request-context.js';
import { subgraphBreakerFromEnv } from './subgraph-breaker.js';

type HiveGatewayConfig = Parameters<typeof createGatewayRuntime>[0];

export interface HiveGatewayOptions {
  /** The supergraph SDL (the committed one, with this deployment's subgraph URLs). */
  supergraph: string;
  /** Service keys with the router's private key. */
  diensten: DienstSleutels;
  cors: CorsPolicy;
  production: boolean;
  /** Per subgraph call; default SUBGRAPH_TIMEOUT_MS (10 s). */
  subgraphTimeoutMs?: number;
}

const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

export function hiveGatewayConfig(options: HiveGatewayOptions): HiveGatewayConfig {
  const minter = dienstTokenMinter(options.diensten, ROUTER);
  // One id per client request, for every subgraph call it makes.
  const verzoeken = new WeakMap<Request, string>();
  const verzoekVan = (request: Request) => {
    let verzoek = verzoeken.get(request);
    if (!verzoek) verzoeken.set(request, (verzoek = nieuwVerzoek()));
    return verzoek;
  };
  return {
    supergraph: options.supergraph,
    logging: false,
    plugins: () => [useClosedEdge(DEFAULT_BODY_LIMIT_BYTES)],
    // A subgraph that hangs costs a request at most this (Hive has no per-subgraph circuit breaker).
    upstreamTimeout: options.subgraphTimeoutMs ?? subgraphBreakerFromEnv().timeoutMs,
    landingPage: false,
    graphiql: false,
    ...(options.production && { disableIntrospection: { disableIf: () => true } }),
    cors: (request: Request) => {
      const origin = request.headers.get('origin') ?? undefined;
      return allowsOrigin(options.cors, origin) ? { origin: [origin!], methods: ['GET', 'POST'], allowedHeaders: [...CORS_REQUEST_HEADERS], maxAge: 600 } : false;
    },
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request, subgraphName }) => {
        const headers: Record<string, string> = {};
        for (const name of [...FORWARDED_HEADERS, ...TRACE_HEADERS]) {
          const value = request.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        if (!isDienst(subgraphName)) throw new Error(`subgraph "${subgraphName}" has no service identity`);
        headers[DIENST_TOKEN_HEADER] = await minter.mint(subgraphName, verzoekVan(request), bearerTokenOf(headers.authorization));
        return headers;
      },
    },
  };
}

/** Hive Gateway's answers to requests it cannot read, made like our gateway's (see the header). */
function useClosedEdge(bodyLimitBytes: number): GatewayPlugin {
  const answer = (fout: HttpFout) => new Response(JSON.stringify(httpErrorBody(fout)), { status: fout.status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  return {
    onRequest({ request, endResponse }) {
      if (Number(request.headers.get('content-length') ?? 0) > bodyLimitBytes) endResponse(answer(HTTP_FOUTEN.tooLarge(bodyLimitBytes)));
    },
    async onResponse({ response, setResponse }) {
      if (response.status === 415 && !response.headers.get('content-type')) return setResponse(answer(HTTP_FOUTEN.mediaType));
      // Only failed requests can carry the parser's internals; successful answers pass untouched.
      if (response.status < 400 || !response.headers.get('content-type')?.includes('json')) return;
      const body = (await response.clone().json()) as { errors?: { extensions?: Record<string, unknown> }[] };
      if (!body.errors?.some((e) => e.extensions && 'originalError' in e.extensions)) return;
      for (const error of body.errors) delete error.extensions?.originalError;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      setResponse(new Response(JSON.stringify(body), { status: response.status, headers }));
    },
  };
}
