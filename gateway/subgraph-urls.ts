/**
 * Where the gateway finds each subgraph: `<NAME>_SUBGRAPH_URL` from the environment, else the URL in
 * the committed supergraph (the defaults of `schema/subgraphs.ts`), else an override a caller passes.
 */
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from '../schema/subgraphs.js';

export type SubgraphUrls = Partial<Record<SubgraphName, string>>;

export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphUrls {
  const urls: SubgraphUrls = {};
  for (const name of SUBGRAPH_NAMES) {
    const value = env[SUBGRAPHS[name].envUrl];
    if (value) urls[name] = value;
  }
  return urls;
}
