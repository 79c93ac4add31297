/** Per-request context of the SW-bedrijf subgraph: fresh batch loaders, so nothing is cached across requests. */
import type { SwBedrijfLoaders } from '../../adapters/sw-bedrijf/index.js';

export interface Context {
  loaders: SwBedrijfLoaders;
}
