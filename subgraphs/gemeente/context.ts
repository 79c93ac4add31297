/** The per-request context of the gemeente subgraph: fresh batch loaders for every request. */
import type { GemeenteLoaders } from '../../adapters/gemeente/index.js';

export interface Context {
  loaders: GemeenteLoaders;
}
