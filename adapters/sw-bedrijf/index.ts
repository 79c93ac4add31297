/**
 * The SW-bedrijf adapter: the only code that knows the SW-bedrijven's Excel-style CSV exports. It
 * gives the loket its index feed, reads the lists once at start (`warmUp`) to learn which company
 * employs whom and knows which employer, builds per-request batch loaders for the subgraph, and
 * delivers contact moments to each company's CSV import.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { LeverContact } from '../kit/contact-levering.js';
import type { IndexFeed } from '../kit/feed.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { createSwBedrijfClient } from './client.js';
import { createSwBedrijfLeverContact } from './deliver-contact.js';
import { createSwBedrijfFeed } from './index-feed.js';
import { createSwBedrijfLoaders, type SwBedrijfLoaders } from './loaders.js';
import { createSwRegistries } from './registries.js';
import { warmUp, type WarmUpResult } from './warm-up.js';

export type { SwBedrijfLoaders } from './loaders.js';
export type { SwDetacheringen, SwMedewerker } from './records.js';
export type { WarmUpResult } from './warm-up.js';

export interface SwBedrijfAdapterOptions {
  bronnen: BronnenConfig;
  pseudonymize: Pseudonymize;
  /** Per partner request; default 10 s. */
  timeoutMs?: number;
  /** The day ages are computed against for the index (`VIJFTIG_PLUS`); defaults to now. */
  vandaag?: () => Date;
}

export interface SwBedrijfAdapter {
  bron: 'SW_BEDRIJF';
  /** The configured SW-bedrijven, one source system each. */
  systemen: readonly string[];
  feed: IndexFeed;
  /** Reads every company's (or those in `only`) employee and employer lists; call before serving lookups. */
  warmUp(only?: ReadonlySet<string>): Promise<WarmUpResult>;
  /** Fresh loaders (one set per GraphQL request). */
  createLoaders(): SwBedrijfLoaders;
  /**
   * Delivers a contact moment to an SW-bedrijf's CSV import (one row, the key in `importsleutel`)
   * through the company's own client, so breaker and deadline are shared with its export reads.
   */
  leverContact: LeverContact;
}

export function createSwBedrijfAdapter(options: SwBedrijfAdapterOptions): SwBedrijfAdapter {
  const bedrijven = options.bronnen.swBedrijf;
  const client = createSwBedrijfClient(bedrijven, options.timeoutMs);
  const registries = createSwRegistries();
  const deps = { bedrijven: new Map(bedrijven.map((bron) => [bron.id, bron])), client, pseudonymize: options.pseudonymize, registries };
  return {
    bron: 'SW_BEDRIJF',
    systemen: bedrijven.map((bron) => bron.id),
    feed: createSwBedrijfFeed(bedrijven, client, options.pseudonymize, options.vandaag),
    warmUp: (only) => warmUp(only ? bedrijven.filter((bron) => only.has(bron.id)) : bedrijven, client, options.pseudonymize, registries),
    createLoaders: () => createSwBedrijfLoaders(deps),
    leverContact: createSwBedrijfLeverContact(new Set(bedrijven.map((bron) => bron.id)), client),
  };
}
