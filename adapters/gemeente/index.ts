/**
 * The gemeente adapter: every configured gemeente source system (JSON systems and CSV exports)
 * behind one index feed, one warm-up that learns the partner keys, per-request batch loaders, and the
 * delivery of contact moments to each system.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { LeverContact } from '../kit/contact-levering.js';
import type { IndexFeed } from '../kit/feed.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { createGemeenteLeverContact } from './deliver-contact.js';
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
  /**
   * Delivers a contact moment to a gemeente system the way it takes one (`formaat`): a JSON system's
   * API with the key as `Idempotency-Key`, or a CSV system's import with the key in a column; through
   * the system's own client, so breaker and deadline are shared with its reads.
   */
  leverContact: LeverContact;
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
    leverContact: createGemeenteLeverContact(sourcesById),
  };
}
