/**
 * The HTTP side of every part (the gateway and each subgraph): Apollo Server on fastify, so every
 * part answers the same way at the edge —
 * - a body limit (default 1 MiB) checked while reading, before anything is parsed;
 * - every error body JSON in GraphQL's shape (`errors[].message`, `extensions.code`) without stack
 *   traces, file paths or parser internals: malformed JSON, a body too large, a wrong content type,
 *   an unknown path, and anything unexpected alike;
 * - CORS only from the policy's allow-list (no CORS headers at all when it is empty);
 * - `GET /health` (the process answers) and `GET /ready` (what the part's checks say, see
 *   readiness.ts; 503 `application/problem+json` when not ready or stopping), with no token needed;
 * - a deadline for every request (kit/deadline.ts): the caller's `x-deadline-ms` when it sends a
 *   shorter one, else `deadlineMs`; everything the request does below runs within it;
 * - a graceful stop: new requests are refused with 503, in-flight ones finish within a bound, then
 *   the remaining connections are closed.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, { type FastifyError } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowsAnyOrigin, allowsOrigin, CORS_REQUEST_HEADERS, NO_CORS, type CorsPolicy } from './cors-policy.js';
import { HTTP_FOUTEN, httpErrorBody, type HttpFout } from './http-errors.js';
import { readiness, type Check } from './readiness.js';
import { DEADLINE_HEADER, deadlineFrom, withDeadline } from '../deadline.js';
import { wholeNumberFromEnv } from '../../schema/subgraphs.js';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** How long one request may take, gateway to partner and back, unless REQUEST_DEADLINE_MS says otherwise. */
export const DEFAULT_DEADLINE_MS = 15_000;

/** `REQUEST_DEADLINE_MS`: whole milliseconds from 100 to 300,000, default 15,000. */
export function deadlineMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = wholeNumberFromEnv('REQUEST_DEADLINE_MS', DEFAULT_DEADLINE_MS, 300_000, env);
  if (value < 100) throw new Error(`REQUEST_DEADLINE_MS must be at least 100, got ${value}`);
  return value;
}

/** What a context function gets to see of a request. */
export interface HttpRequestInfo {
  headers: IncomingHttpHeaders;
  /** The request's query parameters. */
  query: URLSearchParams;
  /** The parsed JSON body (POST), if any. */
  body: unknown;
  /** The client's address (the socket's peer). */
  remoteAddress: string;
}

export interface GraphQLHttpServerOptions<Ctx extends BaseContext> {
  /** A new Apollo Server, not started yet; its drain plugin is added here. */
  apollo: (plugins: { drain: ReturnType<typeof fastifyApolloDrainPlugin> }) => ApolloServer<Ctx>;
  context: (request: HttpRequestInfo) => Promise<Ctx>;
  port?: number;
  host?: string;
  /** Browser origins allowed to call (gateway); default none. */
  cors?: CorsPolicy;
  bodyLimitBytes?: number;
  /** The part's readiness checks for `/ready`; none: ready once listening. */
  ready?: () => Promise<Check[]>;
  /** Deadline of a request whose caller sends none (or a longer one); default `REQUEST_DEADLINE_MS` or 15 s. */
  deadlineMs?: number;
}

export interface RunningHttpServer {
  /** e.g. `http://127.0.0.1:4000/`. */
  url: string;
  /** Stops taking requests, lets in-flight ones finish for up to `graceMs` (default 10 s), then closes. */
  stop(graceMs?: number): Promise<void>;
}

export const DEFAULT_GRACE_MS = 10_000;

export async function startGraphQLHttpServer<Ctx extends BaseContext>(options: GraphQLHttpServerOptions<Ctx>): Promise<RunningHttpServer> {
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = Fastify({ bodyLimit, logger: false, return503OnClosing: true });
  const apollo = options.apollo({ drain: fastifyApolloDrainPlugin(app) });
  await apollo.start();

  const policy = options.cors ?? NO_CORS;
  if (allowsAnyOrigin(policy)) {
    await app.register(cors, {
      // `false` leaves the request without any CORS header (and a preflight unanswered).
      origin: (origin, callback) => callback(null, allowsOrigin(policy, origin) ? (origin as string) : false),
      methods: ['GET', 'POST'],
      allowedHeaders: [...CORS_REQUEST_HEADERS],
      maxAge: 600,
    });
  }

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const fout = describeHttpError(error, bodyLimit);
    // The client gets no internals; the operator's log gets what went wrong.
    if (fout.status >= 500) console.error(`HTTP ${fout.status}: ${error.stack ?? error.message}`);
    void reply.code(fout.status).type('application/json; charset=utf-8').send(httpErrorBody(fout));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '').replace(/[^\w./-]/g, '?').slice(0, 100);
    void reply.code(404).type('application/json; charset=utf-8').send(httpErrorBody({ status: 404, code: 'NOT_FOUND', message: `No ${request.method} ${path} here: GraphQL is served at /` }));
  });

  let stopping = false;
  app.get('/health', async (_request, reply) => reply.type('application/json; charset=utf-8').send({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const state = stopping ? readiness([{ name: 'process', ok: false, detail: 'stopping', required: true }]) : readiness((await options.ready?.()) ?? []);
    if (state.status === 'not-ready') {
      const reasons = state.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail ?? 'failed'}`);
      return reply.code(503).type('application/problem+json').send({ type: 'about:blank', title: 'Not ready', status: 503, detail: reasons.join('; '), checks: state.checks });
    }
    return reply.type('application/json; charset=utf-8').send(state);
  });

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => options.context({ headers: request.headers, query: new URL(request.url, 'http://part').searchParams, body: request.body, remoteAddress: request.ip }),
  });
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  app.route<{ Reply: string }>({ method: ['GET', 'POST'], url: '/', handler: (request, reply) => withDeadline(deadlineFrom(request.headers[DEADLINE_HEADER], deadlineMs), () => handler.call(app, request, reply)) });

  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    stop: async (graceMs = DEFAULT_GRACE_MS) => {
      stopping = true;
      // Keep-alive connections that fall idle once their request is answered are closed as they do.
      const idle = setInterval(() => app.server.closeIdleConnections(), 50);
      const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
      try {
        await app.close();
      } finally {
        clearInterval(idle);
        clearTimeout(timer);
      }
    },
  };
}

/** Status, code and a message that names what was wrong, and never internals, of a failed request. */
function describeHttpError(error: FastifyError, bodyLimit: number): HttpFout {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return HTTP_FOUTEN.tooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return HTTP_FOUTEN.mediaType;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return HTTP_FOUTEN.emptyBody;
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return HTTP_FOUTEN.contentLength;
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return HTTP_FOUTEN.invalidJson;
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  return status >= 500 ? HTTP_FOUTEN.internal(status) : HTTP_FOUTEN.badRequest;
}
