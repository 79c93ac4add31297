/**
 * Entry of the SW-bedrijf subgraph: reads the SW-bedrijven's lists once (warm-up), then serves
 * `Kandidaat.swDienstverband` and `Werkgever.swDetacheringen` with fresh loaders per request. Run
 * directly (`npx tsx subgraphs/sw-bedrijf/server.ts`) it listens on its default port (env `PORT`
 * overrides) with the configured sources and the pseudonym key from the environment.
 */
import { pathToFileURL } from 'node:url';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createSwBedrijfAdapter } from '../../adapters/sw-bedrijf/index.js';
import { listenOptionsFromEnv, SUBGRAPHS, wholeNumberFromEnv } from '../../schema/subgraphs.js';
import { startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startSwBedrijfSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createSwBedrijfAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('sw-bedrijf', adapter, resolvers, options);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const subgraph = await startSwBedrijfSubgraph({
    ...listenOptionsFromEnv(SUBGRAPHS['sw-bedrijf'].port),
    refreshIntervalMs: wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400) * 1000,
    log: (message) => console.log(message),
  });
  console.log(`sw-bedrijf subgraph at ${subgraph.url}`);
}
