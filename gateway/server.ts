/**
 * The één loket gateway: @apollo/gateway serving the committed supergraph (`schema/supergraph.graphql`,
 * no run-time introspection of subgraphs) behind Apollo Server. It authenticates every request (a JWT
 * in `Authorization: Bearer …`, see `auth/`), routes and composes, and forwards the token, the purpose
 * headers and the trace to the subgraphs, which decide access to their own fields. It never touches
 * partner data.
 *
 * Run on its own: `npx tsx gateway/server.ts` (PORT, default 4000; `<NAME>_SUBGRAPH_URL` per subgraph;
 * AUTH_* as in `auth/auth-config.ts`: without AUTH_JWKS_URL, outside production, the local dev issuer —
 * tokens from `npm run token`).
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { listenOptionsFromEnv, type SubgraphName } from '../schema/subgraphs.js';
import { loadAuthConfig, type AuthConfig } from '../kit/auth/auth-config.js';
import { DEV_ISSUER_ID } from '../kit/auth/dev-issuer.js';
import { createTokenVerifier } from '../kit/auth/token-verifier.js';
import { gatewayContext, type GatewayContext } from './request-context.js';
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
  const urls = options.subgraphUrls ?? {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => new SubgraphDataSource(name, urls[name as SubgraphName] ?? url ?? ''),
  });
  // Clients get the error shape of the README, not server stack traces.
  const server = new ApolloServer<GatewayContext>({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? DEFAULT_GATEWAY_PORT, host: options.host ?? '127.0.0.1' },
    context: gatewayContext(verifier, auth.audience),
  });
  return { url, auth, stop: () => server.stop() };
}

/** One line for the start-up log: where tokens come from (never a key or token). */
export function describeAuth(auth: AuthConfig): string {
  if (auth.issuer === DEV_ISSUER_ID) return `tokens of the local dev issuer (get one: npm run -s token -- --rol analist --regio AM36)`;
  return `tokens of ${auth.issuer} (keys ${auth.keys.kind === 'jwks-url' ? auth.keys.url : 'in memory'})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gateway = await startGateway({ ...listenOptionsFromEnv(DEFAULT_GATEWAY_PORT), subgraphUrls: subgraphUrlsFromEnv() });
  console.log(`één loket graph at ${gateway.url}; accepts ${describeAuth(gateway.auth)}`);
}
