/**
 * The werkgeversvereniging adapter: employer associations and O&O funds behind one JSON:API service.
 * Gives the loket its index feed (employers, branche vacancies, sector-fund instruments) and the
 * subgraph its batch loaders, and delivers contact moments to the associations' CRM. Associations
 * never receive a BSN and hold no person data, so this adapter has no kandidaten and needs no
 * pseudonymizer.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { LeverContact } from '../kit/contact-levering.js';
import type { IndexFeed } from '../kit/feed.js';
import { KeyRegistry } from '../kit/key-registry.js';
import { createWvClient } from './client.js';
import { createWvLeverContact } from './deliver-contact.js';
import { createWvIndexFeed } from './index-feed.js';
import { type WerkgeversverenigingLoaders, createWvLoaders } from './loaders.js';
import { wvSource } from './source.js';
import { type WarmUpResult, registerVacatureKeys } from './vacature-keys.js';

export type { WerkgeversverenigingLoaders } from './loaders.js';
export type { WvLidmaatschap, WvVacature, WvWerkgever } from './records.js';
export type { WarmUpResult } from './vacature-keys.js';

export interface WerkgeversverenigingAdapterOptions {
  bronnen: BronnenConfig;
  /** Per partner request; default 10 s. */
  timeoutMs?: number;
}

export interface WerkgeversverenigingAdapter {
  bron: 'WERKGEVERSVERENIGING';
  /** The associations' one source system. */
  systemen: readonly string[];
  feed: IndexFeed;
  /**
   * Reads the vacancy list so public vacancy ids resolve to the association's ids; each call reads
   * it again (the subgraph refreshes periodically). Employers need no warm-up: they are looked up by
   * KvK number directly. A vacancy lookup before any successful read triggers one.
   */
  warmUp(): Promise<WarmUpResult>;
  /** Fresh loaders; create one set per GraphQL request. */
  createLoaders(): WerkgeversverenigingLoaders;
  /**
   * Delivers a contact moment to the associations (JSON:API `POST /jsonapi/contactmomenten`, the key
   * as `Idempotency-Key`) through the same client, breaker and deadline as the reads.
   */
  leverContact: LeverContact;
}

export function createWerkgeversverenigingAdapter(options: WerkgeversverenigingAdapterOptions): WerkgeversverenigingAdapter {
  const source = wvSource(options.bronnen);
  const client = createWvClient(source, options.timeoutMs);
  const vacatureKeys = new KeyRegistry();
  // The latest read of the vacancy keys (pending or done); forgotten when it fails, so the next
  // vacancy lookup reads again.
  let latest: Promise<WarmUpResult> | undefined;

  /** Reads the vacancy list again (every call: the subgraph refreshes its keys periodically). */
  const warmUp = (): Promise<WarmUpResult> => {
    const read = registerVacatureKeys(client, vacatureKeys, source).catch((error: unknown) => {
      if (latest === read) latest = undefined;
      throw error;
    });
    latest = read;
    return read;
  };

  return {
    bron: source.bron,
    systemen: [source.bronSysteem],
    feed: createWvIndexFeed(client, source),
    warmUp,
    createLoaders: () => createWvLoaders({ client, source, vacatureKeys, vacatureKeysReady: () => latest ?? warmUp() }),
    leverContact: createWvLeverContact(client, source),
  };
}
