/**
 * The gemeente adapter: every configured gemeente source system (JSON systems and CSV exports)
 * behind one index feed, one warm-up that learns the partner keys, and per-request batch loaders.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { IndexFeed } from '../kit/feed.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { createIndexFeed } from './index-feed.js';
import { createLoaders, type GemeenteLoaders } from './loaders.js';
import { createRegistries } from './registry.js';
import { createSource } from './source.js';
import { warmUp, type WarmUpResult } from './warm-up.js';

export type { GemeenteLoaders } from './loaders.js';
export type { WarmUpResult } from './warm-up.js';
export type { GemeenteDossier, GemeenteWerkgeverRelatie, WspVacature } from './canonical.js';

export interface GemeenteAdapterOptions {
  bronnen: BronnenConfig;
  pseudonymize: Pseudonymize;
  /** Per partner request; default 10 s. */
  timeoutMs?: number;
  /** "Today" for age-based target groups; defaults to the current date. */
  vandaag?: () => Date;
}

export interface GemeenteAdapter {
  bron: 'GEMEENTE';
  /** The configured gemeente source systems. */
  systemen: readonly string[];
  feed: IndexFeed;
  /** Reads the lists of every system (or of those in `only`) and fills the key registries. */
  warmUp(only?: ReadonlySet<string>): Promise<WarmUpResult>;
  createLoaders(): GemeenteLoaders;
}

export function createGemeenteAdapter(options: GemeenteAdapterOptions): GemeenteAdapter {
  const sources = options.bronnen.gemeente.map((bron) => createSource(bron, options.timeoutMs));
  const sourcesById = new Map(sources.map((source) => [source.bron.id, source]));
  const registries = createRegistries();
  return {
    bron: 'GEMEENTE',
    systemen: sources.map((source) => source.bron.id),
    feed: createIndexFeed(sources, options.pseudonymize, options.vandaag ?? (() => new Date())),
    warmUp: (only) => warmUp(only ? sources.filter((source) => only.has(source.bron.id)) : sources, registries, options.pseudonymize),
    createLoaders: () => createLoaders(registries, sourcesById),
  };
}
