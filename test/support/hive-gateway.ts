/**
 * Serves the committed supergraph with another federation router, Hive Gateway's runtime, so tests
 * can show the graph does not depend on @apollo/gateway. Subgraph URLs in the supergraph are
 * replaced by where the test's subgraphs listen. Like any router in front of our subgraphs it only
 * forwards the client's token, purpose headers and trace context; it verifies nothing itself, so
 * access control here is the subgraphs' alone.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { SUPERGRAPH_FILE } from '../../gateway/server.js';

const FORWARDED_HEADERS = ['authorization', 'x-doelbinding', 'x-verwerking', 'traceparent'];

export interface HiveGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startHiveGateway(subgraphUrls: Record<string, string>): Promise<HiveGateway> {
  let supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
  for (const [name, url] of Object.entries(subgraphUrls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+`);
    if (!pattern.test(supergraph)) throw new Error(`subgraph ${name} not in the supergraph`);
    supergraph = supergraph.replace(pattern, `$1${url}`);
  }
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    maskedErrors: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)]).filter((entry): entry is [string, string] => entry[1] !== null)),
    },
  });
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
