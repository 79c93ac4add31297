/**
 * Entry of the werkgeversvereniging subgraph (default port 4006, env `PORT` overrides): reads the
 * association's vacancy list once (warm-up), then serves memberships, sector data, committed
 * work-learning places and branche vacancies with fresh loaders per request. Associations hold no
 * person data, so it needs no pseudonym key (and gets none).
 */
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createWerkgeversverenigingAdapter } from '../../adapters/werkgeversvereniging/index.js';
import { isEntryPoint, runPartnerSubgraph, startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startWerkgeversverenigingSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createWerkgeversverenigingAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('werkgeversvereniging', adapter, resolvers, options);
}

// Associations hold no person data: this part never gets the pseudonym key.
if (isEntryPoint(import.meta.url)) await runPartnerSubgraph('werkgeversvereniging', startWerkgeversverenigingSubgraph, { pseudoniemen: false });
