/**
 * Entry of the gemeente subgraph: warms the adapter up (learns which gemeente system knows which
 * person, employer and vacancy), then serves `schema/gemeente.graphql` with fresh loaders per
 * request. Run directly (`npx tsx subgraphs/gemeente/server.ts`) it listens on port 4002 (env
 * `PORT` overrides) against the sources in `adapters/bronnen.json`.
 */
import { logToStderr, logWarmUp, type PartnerSubgraphOptions } from '../kit/partner-subgraph.js';
import { pathToFileURL } from 'node:url';
import { createGemeenteAdapter, type WarmUpResult } from '../../adapters/gemeente/index.js';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';

export type GemeenteSubgraphOptions = PartnerSubgraphOptions;

export interface GemeenteSubgraph extends RunningSubgraph {
  /** What the warm-up read: record count, malformed records, unreachable systems. */
  warmUp: WarmUpResult;
}

export async function startGemeenteSubgraph(options: GemeenteSubgraphOptions = {}): Promise<GemeenteSubgraph> {
  const adapter = createGemeenteAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  const warmUp = await adapter.warmUp();
  const log = options.log ?? logToStderr;
  logWarmUp(log, 'gemeente', warmUp);
  const running = await startSubgraphServer<Context>({
    name: 'gemeente',
    resolvers,
    context: async () => ({ loaders: adapter.createLoaders() }),
    port: options.port,
    host: options.host,
  });
  return { ...running, warmUp };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const subgraph = await startGemeenteSubgraph(listenOptionsFromEnv(SUBGRAPHS.gemeente.port));
  console.log(`gemeente subgraph listening on ${subgraph.url}`);
}
