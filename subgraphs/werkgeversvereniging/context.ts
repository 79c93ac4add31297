/** Per-request context of the werkgeversvereniging subgraph: fresh loaders, so batching and caching stay within one request. */
import type { WerkgeversverenigingLoaders } from '../../adapters/werkgeversvereniging/index.js';

export interface Context {
  loaders: WerkgeversverenigingLoaders;
}
