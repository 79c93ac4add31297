/**
 * A simulated partner system: a real HTTP server with routes, knobs (latency, and the ways a real
 * partner fails: errors, hanging requests, dropped connections, unreadable answers, throttling,
 * flapping) and request counters, so tests and benchmarks can see how many partner calls a query
 * costs. Each sandbox partner (`sandbox/<partner>/`) supplies its routes in its native format.
 * `GET /_sandbox/tellers` returns the counters as JSON; `DELETE /_sandbox/tellers` resets them. A
 * partner that takes contact moments passes its `contactInbox`, shown at `GET /_sandbox/contactmomenten`.
 * Paths under `/_sandbox/` are the sandbox's own: never counted, delayed or failed by the knobs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contactInboxRoute, type ContactInbox } from './contact-inbox.js';

export interface SandboxKnobs {
  /** Added to every response, in ms. */
  latencyMs: number;
  /** Share of requests answered with HTTP 503, 0..1. */
  errorRate: number;
  /** Share of requests that never answer (until the client gives up), 0..1. */
  hangRate: number;
  /** Share of requests whose connection is dropped without an answer (the client sees a reset), 0..1. */
  resetRate: number;
  /** Share of requests answered 200 with a body in no format at all, 0..1. */
  garbageRate: number;
  /** Share of requests answered 429 with `Retry-After: retryAfterSeconds`, 0..1. */
  throttleRate: number;
  /** The `Retry-After` of a throttled answer, in seconds. */
  retryAfterSeconds: number;
  /** When above 0, the partner is down (503) in the second half of every period of this many ms. */
  flapPeriodMs: number;
  /** The failure knobs apply only to paths containing this text (e.g. one source system's id); '' for all. */
  scope: string;
}

export const DEFAULT_KNOBS: SandboxKnobs = { latencyMs: 0, errorRate: 0, hangRate: 0, resetRate: 0, garbageRate: 0, throttleRate: 0, retryAfterSeconds: 1, flapPeriodMs: 0, scope: '' };

export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface SandboxResponse {
  status?: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface SandboxRoute {
  method: 'GET' | 'POST';
  /** Path with `:name` segments, e.g. `/systemen/:bron/api/v1/klanten`. */
  path: string;
  /** Counter name; defaults to `METHOD path`. */
  name?: string;
  handle(request: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
}

export interface PartnerServerOptions {
  /** Shown in errors and logs, e.g. `uwv`. */
  name: string;
  routes: SandboxRoute[];
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
  /** Random source for the error and hang knobs (defaults to Math.random). */
  random?: () => number;
  /** Clock for the flap knob, in ms (defaults to Date.now). */
  now?: () => number;
  /** Where the partner keeps delivered contact moments; served at `GET /_sandbox/contactmomenten`. */
  contactInbox?: ContactInbox;
}

export interface RequestCounters {
  total: number;
  byRoute: Record<string, number>;
  /** Requests the failure knobs answered (or left unanswered), by kind. */
  faults: Record<string, number>;
}

export interface PartnerServer {
  name: string;
  url: string;
  /** Mutable at run time: tests turn latency or errors on and off. */
  knobs: SandboxKnobs;
  counters(): RequestCounters;
  resetCounters(): void;
  /** The contact moments delivered to this partner, when it takes them. */
  contactInbox?: ContactInbox;
  close(): Promise<void>;
}

interface CompiledRoute {
  route: SandboxRoute;
  regex: RegExp;
  names: string[];
}

function compile(route: SandboxRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, regex: new RegExp(`^${source}$`), names };
}

export async function startPartnerServer(options: PartnerServerOptions): Promise<PartnerServer> {
  const routes = options.contactInbox ? [...options.routes, contactInboxRoute(options.contactInbox)] : options.routes;
  const compiled = routes.map(compile);
  const knobs: SandboxKnobs = { ...DEFAULT_KNOBS, ...options.knobs };
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const emptyCounters = (): RequestCounters => ({ total: 0, byRoute: {}, faults: {} });
  let counters = emptyCounters();
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void respond(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  server.keepAliveTimeout = 5_000;

  async function respond(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname === '/_sandbox/tellers') {
      if (req.method === 'DELETE') counters = emptyCounters();
      return send(res, { contentType: 'application/json', body: JSON.stringify(counters) });
    }
    const control = url.pathname.startsWith('/_sandbox/');
    for (const { route, regex, names } of compiled) {
      if (route.method !== req.method) continue;
      const match = regex.exec(url.pathname);
      if (!match) continue;
      const name = route.name ?? `${route.method} ${route.path}`;
      if (!control) {
        counters.total += 1;
        counters.byRoute[name] = (counters.byRoute[name] ?? 0) + 1;
        if (knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, knobs.latencyMs));
      }
      const fault = !control && url.pathname.includes(knobs.scope) ? faultFor(knobs, random, now()) : undefined;
      if (fault) {
        counters.faults[fault] = (counters.faults[fault] ?? 0) + 1;
        switch (fault) {
          case 'hang':
            hanging.add(res);
            res.on('close', () => hanging.delete(res));
            return;
          case 'reset':
            req.socket.destroy();
            return;
          case 'garbage':
            return send(res, { contentType: 'application/octet-stream', body: '\u0000\u00ff<<not a partner answer' });
          case 'throttle':
            return send(res, { ...problem(429, 'Too many requests (sandbox throttle knob)'), headers: { 'retry-after': String(knobs.retryAfterSeconds) } });
          default:
            return send(res, problem(503, `Partner system unavailable (sandbox ${fault} knob)`));
        }
      }
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
      try {
        const response = await route.handle({ method: req.method ?? 'GET', path: url.pathname, params, query: url.searchParams, headers: req.headers, body });
        return send(res, response);
      } catch (error) {
        const status = error instanceof SandboxHttpError ? error.status : 500;
        return send(res, problem(status, error instanceof Error ? error.message : String(error)));
      }
    }
    return send(res, problem(404, `No route for ${req.method} ${url.pathname} on sandbox ${options.name}`));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    name: options.name,
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    knobs,
    ...(options.contactInbox && { contactInbox: options.contactInbox }),
    counters: () => structuredClone(counters),
    resetCounters: () => {
      counters = emptyCounters();
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** Throw from a route handler to answer with a specific status (as problem+json). */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function problem(status: number, detail: string): SandboxResponse {
  return { status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: http.STATUS_CODES[status] ?? 'Error', status, detail }) };
}

/** Which failure, if any, the knobs inflict on this request. */
function faultFor(knobs: SandboxKnobs, random: () => number, now: number): 'flap' | 'hang' | 'reset' | 'error' | 'garbage' | 'throttle' | undefined {
  if (knobs.flapPeriodMs > 0 && now % knobs.flapPeriodMs >= knobs.flapPeriodMs / 2) return 'flap';
  const rates = [
    ['hang', knobs.hangRate],
    ['reset', knobs.resetRate],
    ['error', knobs.errorRate],
    ['garbage', knobs.garbageRate],
    ['throttle', knobs.throttleRate],
  ] as const;
  for (const [fault, rate] of rates) if (rate > 0 && random() < rate) return fault;
  return undefined;
}

function send(res: http.ServerResponse, response: SandboxResponse): void {
  res.writeHead(response.status ?? 200, { 'content-type': response.contentType, ...response.headers });
  res.end(response.body);
}
