/** Per-request context of the uwv subgraph: fresh UWV loaders, so batching and caching stay per request. */
import type { UwvLoaders } from '../../adapters/uwv/index.js';

export interface Context {
  loaders: UwvLoaders;
}
