/**
 * The uwv subgraph: Kandidaat.uwvDossier, Werkgever.uwvRelatie and Vacature.werkNl, served from
 * UWV through the UWV adapter. Warms the adapter up before it listens and builds fresh loaders per
 * request. Run directly: `npx tsx subgraphs/uwv/server.ts` (port 4003, env `PORT` overrides).
 */
import { logToStderr, type PartnerSubgraphOptions } from '../kit/partner-subgraph.js';
import { pathToFileURL } from 'node:url';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv } from '../../adapters/kit/pseudonym.js';
import { createUwvAdapter } from '../../adapters/uwv/index.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';
import { warmUpWithRetry } from './warm-up.js';

export interface UwvSubgraphOptions extends PartnerSubgraphOptions {
  /** Wait between warm-up attempts while UWV is unreachable; default 30 s. */
  warmUpRetryMs?: number;
}

export async function startUwvSubgraph(options: UwvSubgraphOptions = {}): Promise<RunningSubgraph> {
  const adapter = createUwvAdapter({
    bronnen: options.bronnen ?? loadBronnen(),
    pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv(),
    timeoutMs: options.timeoutMs,
  });
  const warmUp = await warmUpWithRetry(adapter, options.log ?? logToStderr, options.warmUpRetryMs ?? 30_000);
  const running = await startSubgraphServer<Context>({
    name: 'uwv',
    resolvers,
    context: async () => ({ loaders: adapter.createLoaders() }),
    port: options.port,
    host: options.host,
  });
  return {
    ...running,
    stop: async () => {
      warmUp.stop();
      await running.stop();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const subgraph = await startUwvSubgraph({ ...listenOptionsFromEnv(SUBGRAPHS.uwv.port), log: (message) => console.log(message) });
  console.log(`uwv subgraph ready at ${subgraph.url}`);
}
