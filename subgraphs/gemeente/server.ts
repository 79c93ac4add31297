/**
 * Entry of the gemeente subgraph: warms the adapter up (learns which gemeente system knows which
 * person, employer and vacancy), then serves `schema/gemeente.graphql` with fresh loaders per
 * request. Run directly (`npx tsx subgraphs/gemeente/server.ts`) it listens on port 4002 (env
 * `PORT` overrides) against the sources in `adapters/bronnen.json`.
 */
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createGemeenteAdapter } from '../../adapters/gemeente/index.js';
import { isEntryPoint, runPartnerSubgraph, startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startGemeenteSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createGemeenteAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('gemeente', adapter, resolvers, options);
}

if (isEntryPoint(import.meta.url)) await runPartnerSubgraph('gemeente', startGemeenteSubgraph);
