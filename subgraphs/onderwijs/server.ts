/**
 * Entry of the onderwijs subgraph (ROC/SBB): warms the adapter up (learns which deelnemer and
 * leerbaan hide behind each pseudonym and vacancy id) and then serves `schema/onderwijs.graphql`.
 * Run directly (`npx tsx subgraphs/onderwijs/server.ts`) it listens on port 4005 (env `PORT`
 * overrides) against the sources in `adapters/bronnen.json`.
 */
import { logToStderr, logWarmUp, type PartnerSubgraphOptions } from '../kit/partner-subgraph.js';
import { createOnderwijsAdapter } from '../../adapters/onderwijs/index.js';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';

export type OnderwijsSubgraphOptions = PartnerSubgraphOptions;

export async function startOnderwijsSubgraph(options: OnderwijsSubgraphOptions = {}): Promise<RunningSubgraph> {
  const adapter = createOnderwijsAdapter({ bronnen: options.bronnen ?? loadBronnen(), pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv() });
  const warm = await adapter.warmUp();
  logWarmUp(options.log ?? logToStderr, 'onderwijs', warm);
  return startSubgraphServer<Context>({
    name: 'onderwijs',
    resolvers,
    context: async () => ({ loaders: adapter.createLoaders() }),
    port: options.port,
    host: options.host,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const subgraph = await startOnderwijsSubgraph(listenOptionsFromEnv(SUBGRAPHS.onderwijs.port));
  console.log(`onderwijs subgraph listening on ${subgraph.url}`);
}
