/**
 * Entry of the werkgeversvereniging subgraph (default port 4006, env `PORT` overrides): reads the
 * association's vacancy list once (warm-up), then serves memberships, sector data, committed
 * work-learning places and branche vacancies with fresh loaders per request.
 */
import { logToStderr, logWarmUp, type PartnerSubgraphOptions } from '../kit/partner-subgraph.js';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createWerkgeversverenigingAdapter } from '../../adapters/werkgeversvereniging/index.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import { type RunningSubgraph, startSubgraphServer } from '../kit/server.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';

export type WerkgeversverenigingSubgraphOptions = PartnerSubgraphOptions;

export async function startWerkgeversverenigingSubgraph(options: WerkgeversverenigingSubgraphOptions = {}): Promise<RunningSubgraph> {
  const log = options.log ?? logToStderr;
  const adapter = createWerkgeversverenigingAdapter({ bronnen: options.bronnen ?? loadBronnen(), pseudonymize: options.pseudonymize });
  try {
    logWarmUp(log, 'werkgeversvereniging', await adapter.warmUp());
  } catch (error) {
    // Serve anyway: employer fields need no warm-up, and vacancy lookups retry it.
    log(`werkgeversvereniging: warm-up failed, vacancy lookups will retry: ${error instanceof Error ? error.message : String(error)}`);
  }
  return startSubgraphServer<Context>({
    name: 'werkgeversvereniging',
    resolvers,
    context: async () => ({ loaders: adapter.createLoaders() }),
    port: options.port ?? SUBGRAPHS.werkgeversvereniging.port,
    host: options.host,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const subgraph = await startWerkgeversverenigingSubgraph({ ...listenOptionsFromEnv(SUBGRAPHS.werkgeversvereniging.port), pseudonymize: pseudonymizerFromEnv() });
  console.info(`werkgeversvereniging subgraph at ${subgraph.url}`);
}
