/**
 * The uwv subgraph: Kandidaat.uwvDossier, Werkgever.uwvRelatie and Vacature.werkNl, served from
 * UWV through the UWV adapter. Warms the adapter up before it listens and builds fresh loaders per
 * request. Run directly: `npx tsx subgraphs/uwv/server.ts` (port 4003, env `PORT` overrides).
 */
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createUwvAdapter } from '../../adapters/uwv/index.js';
import { isEntryPoint, runPartnerSubgraph, startPartnerSubgraph, type PartnerSubgraphOptions, type RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { resolvers } from './resolvers.js';

export function startUwvSubgraph(options: PartnerSubgraphOptions = {}): Promise<RunningPartnerSubgraph> {
  const adapter = createUwvAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  return startPartnerSubgraph('uwv', adapter, resolvers, options);
}

if (isEntryPoint(import.meta.url)) await runPartnerSubgraph('uwv', startUwvSubgraph);
