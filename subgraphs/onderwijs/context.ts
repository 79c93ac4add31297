/** The per-request context of the onderwijs subgraph: fresh batch loaders for every request. */
import type { OnderwijsLoaders } from '../../adapters/onderwijs/index.js';

export interface Context {
  loaders: OnderwijsLoaders;
}
