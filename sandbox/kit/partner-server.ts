/**
 * A simulated partner system: a real HTTP server with routes, knobs (latency, error rate, hanging
 * requests) and request counters, so tests and benchmarks can see how many partner calls a query
 * costs. Each sandbox partner (`sandbox/<partner>/`) supplies its routes in its native format.
 * `GET /_sandbox/tellers` returns the counters as JSON; `DELETE /_sandbox/tellers` resets them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxKnobs {
  /** Added to every response, in ms. */
  latencyMs: number;
  /** Share of requests answered with HTTP 503, 0..1. */
  errorRate: number;
  /** Share of requests that never answer (until the client gives up), 0..1. */
  hangRate: number;
}

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
}

export interface RequestCounters {
  total: number;
  byRoute: Record<string, number>;
}

export interface PartnerServer {
  name: string;
  url: string;
  /** Mutable at run time: tests turn latency or errors on and off. */
  knobs: SandboxKnobs;
  counters(): RequestCounters;
  resetCounters(): void;
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
  const compiled = options.routes.map(compile);
  const knobs: SandboxKnobs = { latencyMs: 0, errorRate: 0, hangRate: 0, ...options.knobs };
  const random = options.random ?? Math.random;
  let counters: RequestCounters = { total: 0, byRoute: {} };
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
      if (req.method === 'DELETE') counters = { total: 0, byRoute: {} };
      return send(res, { contentType: 'application/json', body: JSON.stringify(counters) });
    }
    for (const { route, regex, names } of compiled) {
      if (route.method !== req.method) continue;
      const match = regex.exec(url.pathname);
      if (!match) continue;
      const name = route.name ?? `${route.method} ${route.path}`;
      counters.total += 1;
      counters.byRoute[name] = (counters.byRoute[name] ?? 0) + 1;
      if (knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, knobs.latencyMs));
      if (knobs.hangRate > 0 && random() < knobs.hangRate) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (knobs.errorRate > 0 && random() < knobs.errorRate) {
        return send(res, problem(503, 'Partner system unavailable (sandbox error knob)'));
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
    counters: () => structuredClone(counters),
    resetCounters: () => {
      counters = { total: 0, byRoute: {} };
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

function send(res: http.ServerResponse, response: SandboxResponse): void {
  res.writeHead(response.status ?? 200, { 'content-type': response.contentType });
  res.end(response.body);
}
