/**
 * Entry of the SW-bedrijf subgraph: reads the SW-bedrijven's lists once (warm-up), then serves
 * `Kandidaat.swDienstverband` and `Werkgever.swDetacheringen` with fresh loaders per request. Run
 * directly (`npx tsx subgraphs/sw-bedrijf/server.ts`) it listens on its default port (env `PORT`
 * overrides) with the configured sources and the pseudonym key from the environment.
 */
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createSwBedrijfAdapter } from '../../adapters/sw-bedrijf/index.js';
import { isEntryPoint, runPartnerSubgraph, startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startSwBedrijfSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createSwBedrijfAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('sw-bedrijf', adapter, resolvers, options);
}

if (isEntryPoint(import.meta.url)) await runPartnerSubgraph('sw-bedrijf', startSwBedrijfSubgraph);
