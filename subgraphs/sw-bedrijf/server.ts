/**
 * Entry of the SW-bedrijf subgraph: reads the SW-bedrijven's lists once (warm-up), then serves
 * `Kandidaat.swDienstverband` and `Werkgever.swDetacheringen` with fresh loaders per request. Run
 * directly (`npx tsx subgraphs/sw-bedrijf/server.ts`) it listens on its default port (env `PORT`
 * overrides) with the configured sources and the pseudonym key from the environment.
 */
import { logToStderr, logWarmUp, type PartnerSubgraphOptions } from '../kit/partner-subgraph.js';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createSwBedrijfAdapter } from '../../adapters/sw-bedrijf/index.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';

export type SwBedrijfSubgraphOptions = PartnerSubgraphOptions;

export async function startSwBedrijfSubgraph(options: SwBedrijfSubgraphOptions = {}): Promise<RunningSubgraph> {
  const log = options.log ?? logToStderr;
  const adapter = createSwBedrijfAdapter({ bronnen: options.bronnen ?? loadBronnen(), pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv() });
  const warm = await adapter.warmUp();
  logWarmUp(log, 'sw-bedrijf', warm);
  return startSubgraphServer<Context>({
    name: 'sw-bedrijf',
    resolvers,
    context: async () => ({ loaders: adapter.createLoaders() }),
    port: options.port,
    host: options.host,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const subgraph = await startSwBedrijfSubgraph(listenOptionsFromEnv(SUBGRAPHS['sw-bedrijf'].port));
  console.log(`sw-bedrijf subgraph listening at ${subgraph.url}`);
}
