/**
 * The UWV adapter: the only code that knows UWV's SOAP/XML services. It gives the loket an index
 * feed, learns at warm-up which UWV keys belong to which pseudonyms and vacancy ids, makes batch
 * loaders for the uwv subgraph, and delivers contact moments to UWV.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { LeverContact } from '../kit/contact-levering.js';
import type { IndexFeed } from '../kit/feed.js';
import { KeyRegistry } from '../kit/key-registry.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { createUwvClient } from './client.js';
import { createUwvLeverContact } from './deliver-contact.js';
import { createUwvFeed } from './index-feed.js';
import { createUwvLoaders, type UwvLoaders } from './loaders.js';
import { warmUpUwv } from './warm-up.js';

export type { UwvLoaders } from './loaders.js';
export type { UwvKlant, UwvUitkeringSoort, UwvWerkgeverRelatie, WerkNlVacature } from './records.js';

export interface UwvAdapterOptions {
  bronnen: BronnenConfig;
  pseudonymize: Pseudonymize;
  /** Per UWV request; default the kit's 10 s. */
  timeoutMs?: number;
  /** The date ages are computed against (55-plus); defaults to now. */
  vandaag?: () => Date;
}

export interface UwvAdapter {
  bron: 'UWV';
  /** UWV's one source system. */
  systemen: readonly string[];
  feed: IndexFeed;
  /** Reads UWV's klanten and vacatures once to learn their keys; answers what it read. */
  warmUp(): Promise<{ records: number; issues: PartnerRecordIssue[] }>;
  /** Fresh loaders (one per GraphQL request). */
  createLoaders(): UwvLoaders;
  /**
   * Delivers a contact moment to UWV (SOAP `RegistreerContactmoment`, the contact's key as
   * `IdempotentieSleutel`) through the same client, breaker and deadline as the reads.
   */
  leverContact: LeverContact;
}

export function createUwvAdapter(options: UwvAdapterOptions): UwvAdapter {
  const client = createUwvClient({ baseURL: options.bronnen.uwv.url, bronSysteem: options.bronnen.uwv.id, timeoutMs: options.timeoutMs });
  const registries = { klanten: new KeyRegistry(), vacatures: new KeyRegistry() };
  return {
    bron: 'UWV',
    systemen: [options.bronnen.uwv.id],
    feed: createUwvFeed({ client, pseudonymize: options.pseudonymize, vandaag: options.vandaag }),
    warmUp: () => warmUpUwv({ client, pseudonymize: options.pseudonymize, ...registries }),
    createLoaders: () => createUwvLoaders({ client, pseudonymize: options.pseudonymize, ...registries }),
    leverContact: createUwvLeverContact(client),
  };
}
