/**
 * Entry of the werkgeversvereniging subgraph (default port 4006, env `PORT` overrides): reads the
 * association's vacancy list once (warm-up), then serves memberships, sector data, committed
 * work-learning places and branche vacancies with fresh loaders per request.
 */
import { pathToFileURL } from 'node:url';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createWerkgeversverenigingAdapter } from '../../adapters/werkgeversvereniging/index.js';
import { listenOptionsFromEnv, SUBGRAPHS, wholeNumberFromEnv } from '../../schema/subgraphs.js';
import { startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startWerkgeversverenigingSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createWerkgeversverenigingAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('werkgeversvereniging', adapter, resolvers, options);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const subgraph = await startWerkgeversverenigingSubgraph({
    ...listenOptionsFromEnv(SUBGRAPHS.werkgeversvereniging.port),
    refreshIntervalMs: wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400) * 1000,
    log: (message) => console.log(message),
  });
  console.log(`werkgeversvereniging subgraph at ${subgraph.url}`);
}
