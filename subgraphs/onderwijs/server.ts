/**
 * Entry of the onderwijs subgraph (ROC/SBB): warms the adapter up (learns which deelnemer and
 * leerbaan hide behind each pseudonym and vacancy id) and then serves `schema/onderwijs.graphql`.
 * Run directly (`npx tsx subgraphs/onderwijs/server.ts`) it listens on port 4005 (env `PORT`
 * overrides) against the sources in `adapters/bronnen.json`.
 */
import { pathToFileURL } from 'node:url';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createOnderwijsAdapter } from '../../adapters/onderwijs/index.js';
import { listenOptionsFromEnv, SUBGRAPHS, wholeNumberFromEnv } from '../../schema/subgraphs.js';
import { startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startOnderwijsSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createOnderwijsAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('onderwijs', adapter, resolvers, options);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const subgraph = await startOnderwijsSubgraph({
    ...listenOptionsFromEnv(SUBGRAPHS.onderwijs.port),
    refreshIntervalMs: wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400) * 1000,
    log: (message) => console.log(message),
  });
  console.log(`onderwijs subgraph at ${subgraph.url}`);
}
