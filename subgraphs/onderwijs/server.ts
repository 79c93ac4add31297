/**
 * Entry of the onderwijs subgraph (ROC/SBB): warms the adapter up (learns which deelnemer and
 * leerbaan hide behind each pseudonym and vacancy id) and then serves `schema/onderwijs.graphql`.
 * Run directly (`npx tsx subgraphs/onderwijs/server.ts`) it listens on port 4005 (env `PORT`
 * overrides) against the sources in `adapters/bronnen.json`.
 */
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createOnderwijsAdapter } from '../../adapters/onderwijs/index.js';
import { isEntryPoint, runPartnerSubgraph, startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startOnderwijsSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createOnderwijsAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('onderwijs', adapter, resolvers, options);
}

if (isEntryPoint(import.meta.url)) await runPartnerSubgraph('onderwijs', startOnderwijsSubgraph);
