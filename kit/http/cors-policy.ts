/**
 * Which web origins may call the graph from a browser (CORS). Only the gateway answers browsers; the
 * subgraphs send no CORS headers at all. The allow-list comes from `CORS_ORIGINS` (comma-separated
 * origins such as `https://portaal.regio-zwolle.nl`); without it, production allows no origin and
 * development allows pages served from this machine (`http://localhost:<port>`, `http://127.0.0.1:<port>`).
 * `*` is refused: list the front-ends.
 */
import { SettingError } from '../keys/secret-setting.js';
import { isProduction } from '../omgeving.js';

export interface CorsPolicy {
  /** Exact origins allowed (scheme, host and port, no path). */
  origins: readonly string[];
  /** Whether any `http://localhost:<port>` or `http://127.0.0.1:<port>` origin is allowed (development). */
  localhost: boolean;
}

/** Headers a browser front-end may send to the graph (the answer to a preflight from an allowed origin). */
export const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'x-doelbinding', 'x-verwerking', 'traceparent', 'tracestate', 'apollo-require-preflight'] as const;

/** No browser origin at all. */
export const NO_CORS: CorsPolicy = { origins: [], localhost: false };

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export function corsPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): CorsPolicy {
  const value = env.CORS_ORIGINS?.trim();
  if (!value) return { origins: [], localhost: !isProduction(env) };
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') throw new SettingError('CORS_ORIGINS', 'CORS_ORIGINS must list origins; "*" (every web site) is not accepted');
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new SettingError('CORS_ORIGINS', `CORS_ORIGINS: "${origin.slice(0, 100)}" is not an origin such as https://portaal.example.nl (scheme, host and port, no path)`);
    }
    if (isProduction(env) && parsed.protocol !== 'https:') throw new SettingError('CORS_ORIGINS', `CORS_ORIGINS: "${origin}" must use https in production`);
  }
  return { origins, localhost: false };
}

export function allowsOrigin(policy: CorsPolicy, origin: string | undefined): boolean {
  if (!origin) return false;
  return policy.origins.includes(origin) || (policy.localhost && LOCALHOST.test(origin));
}

export function allowsAnyOrigin(policy: CorsPolicy): boolean {
  return policy.localhost || policy.origins.length > 0;
}
