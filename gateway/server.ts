/**
 * The één loket gateway: @apollo/gateway serving the committed supergraph (`schema/supergraph.graphql`,
 * no run-time introspection of subgraphs) behind Apollo Server. It routes and composes; it never
 * touches partner data.
 *
 * Run on its own: `npx tsx gateway/server.ts` (PORT, default 4000; `<NAME>_SUBGRAPH_URL` per subgraph).
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { listenOptionsFromEnv, type SubgraphName } from '../schema/subgraphs.js';
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
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const urls = options.subgraphUrls ?? {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => new SubgraphDataSource(name, urls[name as SubgraphName] ?? url ?? ''),
  });
  // Clients get the error shape of the README, not server stack traces.
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { port: options.port ?? DEFAULT_GATEWAY_PORT, host: options.host ?? '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gateway = await startGateway({ ...listenOptionsFromEnv(DEFAULT_GATEWAY_PORT), subgraphUrls: subgraphUrlsFromEnv() });
  console.log(`één loket graph at ${gateway.url}`);
}
