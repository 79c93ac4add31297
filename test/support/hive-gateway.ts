/**
 * Serves the committed supergraph with another federation router, Hive Gateway's runtime, set up as a
 * deployment would (gateway/hive-gateway.ts), so tests can show the graph does not depend on
 * @apollo/gateway. Subgraph URLs in the supergraph are replaced by where the test's subgraphs listen.
 * It verifies nothing itself: access control is the subgraphs' alone.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { hiveGatewayConfig } from '../../gateway/hive-gateway.js';
import { SUPERGRAPH_FILE } from '../../gateway/server.js';
import { NO_CORS, type CorsPolicy } from '../../kit/http/cors-policy.js';
import type { DienstSleutels } from '../../kit/service-identity/service-keys.js';

export interface HiveGateway {
  url: string;
  stop(): Promise<void>;
}

export interface HiveGatewayTestOptions {
  /** Where the subgraphs listen, by name. */
  subgraphUrls: Record<string, string>;
  /** The stack's service keys (the router's private key signs the subgraph calls). */
  diensten: DienstSleutels;
  cors?: CorsPolicy;
  production?: boolean;
}

export async function startHiveGateway(options: HiveGatewayTestOptions): Promise<HiveGateway> {
  let supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
  for (const [name, url] of Object.entries(options.subgraphUrls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+`);
    if (!pattern.test(supergraph)) throw new Error(`subgraph ${name} not in the supergraph`);
    supergraph = supergraph.replace(pattern, `$1${url}`);
  }
  const runtime = createGatewayRuntime(hiveGatewayConfig({ supergraph, diensten: options.diensten, cors: options.cors ?? NO_CORS, production: options.production ?? false }));
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

/** Hive Gateway in front of a test stack's subgraphs, with the stack's router key. */
export function startHiveGatewayFor(stack: { subgraphs: Record<string, { url: string }>; accessSettings: { diensten: DienstSleutels } }, options: Pick<HiveGatewayTestOptions, 'cors' | 'production'> = {}): Promise<HiveGateway> {
  return startHiveGateway({ subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])), diensten: stack.accessSettings.diensten, ...options });
}
