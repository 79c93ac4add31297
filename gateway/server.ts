/**
 * The één loket gateway: @apollo/gateway serving the committed supergraph (`schema/supergraph.graphql`,
 * no run-time introspection of subgraphs) behind Apollo Server on the HTTP kit (kit/http: body limit,
 * JSON errors, CORS allow-list). It authenticates every request (a JWT in `Authorization: Bearer …`,
 * see kit/auth/), routes and composes, and calls each subgraph as the router (a service token per
 * call, kit/service-identity) with the user's token, the purpose headers and the trace; the subgraphs
 * decide access to their own fields. It never touches partner data. In production it offers no
 * landing page and no introspection.
 *
 * Run on its own: `npx tsx gateway/server.ts` (PORT, default 4000; `<NAME>_SUBGRAPH_URL` per subgraph;
 * AUTH_* as in kit/auth/auth-config.ts: without AUTH_JWKS_URL, outside production, the local dev
 * issuer — tokens from `npm run token`; DIENSTEN_JWKS and DIENST_SLEUTEL; CORS_ORIGINS).
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { loadAuthConfig, type AuthConfig } from '../kit/auth/auth-config.js';
import { DEV_ISSUER_ID } from '../kit/auth/dev-issuer.js';
import { createTokenVerifier } from '../kit/auth/token-verifier.js';
import { corsPolicyFromEnv, type CorsPolicy } from '../kit/http/cors-policy.js';
import { deadlineMsFromEnv, startGraphQLHttpServer } from '../kit/http/graphql-http-server.js';
import { probe } from '../kit/http/readiness.js';
import { formatQueryLimitError, gatewayLimitsFromEnv, queryLimits, type QueryLimits } from '../kit/limits/query-limits.js';
import { isProduction } from '../kit/omgeving.js';
import { ROUTER } from '../kit/service-identity/diensten.js';
import { dienstSleutelsFromEnv, type DienstSleutels } from '../kit/service-identity/service-keys.js';
import { dienstTokenMinter } from '../kit/service-identity/service-token.js';
import { loadSettings, runEntry } from '../kit/startup.js';
import { listenOptionsFromEnv, type SubgraphName } from '../schema/subgraphs.js';
import { createRateLimiter, rateLimitFromEnv, type RateLimitSettings } from './rate-limit/rate-limit.js';
import { gatewayContext, type GatewayContext } from './request-context.js';
import { subgraphBreaker, subgraphBreakerFromEnv, type SubgraphBreakerSettings } from './subgraph-breaker.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { subgraphUrlsFromEnv, type SubgraphUrls } from './subgraph-urls.js';

export const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url);
export const DEFAULT_GATEWAY_PORT = 4000;

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Overrides of the subgraph URLs written in the supergraph. */
  subgraphUrls?: SubgraphUrls;
  /** Supergraph SDL; default the committed file. */
  supergraphSdl?: string;
  /** How tokens are verified; default `loadAuthConfig()` (throws its production refusals). */
  auth?: AuthConfig;
  /** Service keys with the router's private key; default from the environment. */
  diensten?: DienstSleutels;
  /** Browser origins allowed to call; default `corsPolicyFromEnv()`. */
  cors?: CorsPolicy;
  /** Whether this runs as production (no landing page, no introspection); default from the environment. */
  production?: boolean;
  /** Limits on one operation; default `gatewayLimitsFromEnv()`. */
  limits?: QueryLimits;
  /** Requests per actor and per address; default `rateLimitFromEnv()`. */
  rateLimit?: RateLimitSettings;
  /** How long one client request may take; default `REQUEST_DEADLINE_MS` (15 s). */
  deadlineMs?: number;
  /** Timeout and circuit breaker per subgraph; default `subgraphBreakerFromEnv()`. */
  subgraphBreaker?: SubgraphBreakerSettings;
}

export interface RunningGateway {
  url: string;
  /** How this gateway verifies tokens (e.g. the dev issuer's key set). */
  auth: AuthConfig;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const auth = options.auth ?? loadAuthConfig();
  const verifier = createTokenVerifier(auth);
  const minter = dienstTokenMinter(options.diensten ?? dienstSleutelsFromEnv(ROUTER), ROUTER);
  const production = options.production ?? isProduction();
  const limits = queryLimits<GatewayContext>(options.limits ?? gatewayLimitsFromEnv());
  const rateLimiter = createRateLimiter(options.rateLimit ?? rateLimitFromEnv());
  const urls = options.subgraphUrls ?? {};
  const breakers = options.subgraphBreaker ?? subgraphBreakerFromEnv();
  // Where each subgraph of the supergraph is called, for the readiness checks.
  const services = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => {
      const at = urls[name as SubgraphName] ?? url ?? '';
      services.set(name, at);
      return new SubgraphDataSource(name as SubgraphName, at, minter, subgraphBreaker(breakers));
    },
  });
  const server = await startGraphQLHttpServer<GatewayContext>({
    apollo: ({ drain }) =>
      new ApolloServer<GatewayContext>({
        gateway,
        // Clients get the error shape of the README, not server stack traces.
        includeStacktraceInErrorResponses: false,
        formatError: formatQueryLimitError,
        parseOptions: limits.parseOptions,
        introspection: !production,
        plugins: [drain, limits.plugin, ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
      }),
    context: gatewayContext({ verifier, rateLimiter, realm: auth.audience }),
    port: options.port ?? DEFAULT_GATEWAY_PORT,
    host: options.host ?? '127.0.0.1',
    cors: options.cors ?? corsPolicyFromEnv(),
    deadlineMs: options.deadlineMs ?? deadlineMsFromEnv(),
    // Serving the supergraph is what makes the gateway ready; a subgraph that does not answer makes it degraded.
    ready: () => Promise.all([...services].map(([name, url]) => probe(`subgraph:${name}`, () => answers(new URL('health', url)), { timeoutMs: 1_000 }))),
  });
  return {
    url: server.url,
    auth,
    stop: async () => {
      await server.stop();
      await rateLimiter.close();
    },
  };
}

/** Resolves when `url` answers 2xx. */
async function answers(url: URL): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** One line for the start-up log: where tokens come from (never a key or token). */
export function describeAuth(auth: AuthConfig): string {
  if (auth.issuer === DEV_ISSUER_ID) return `tokens of the local dev issuer (get one: npm run -s token -- --rol analist --regio AM36)`;
  return `tokens of ${auth.issuer} (keys ${auth.keys.kind === 'jwks-url' ? auth.keys.url : 'in memory'})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runEntry('gateway', async () => {
    const settings = loadSettings({
      auth: () => loadAuthConfig(),
      diensten: () => dienstSleutelsFromEnv(ROUTER),
      cors: () => corsPolicyFromEnv(),
      listen: () => listenOptionsFromEnv(DEFAULT_GATEWAY_PORT),
      subgraphUrls: () => subgraphUrlsFromEnv(),
      limits: () => gatewayLimitsFromEnv(),
      rateLimit: () => rateLimitFromEnv(),
      deadlineMs: () => deadlineMsFromEnv(),
      subgraphBreaker: () => subgraphBreakerFromEnv(),
    });
    const { listen, ...rest } = settings;
    const gateway = await startGateway({ ...listen, ...rest });
    console.log(`één loket graph at ${gateway.url}; accepts ${describeAuth(gateway.auth)}`);
    return gateway;
  });
}
