/**
 * The werkgeversvereniging adapter: employer associations and O&O funds behind one JSON:API service.
 * Gives the loket its index feed (employers, branche vacancies, sector-fund instruments) and the
 * subgraph its batch loaders. Associations never receive a BSN and hold no person data, so this
 * adapter has no kandidaten and needs no pseudonymizer.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { IndexFeed } from '../kit/feed.js';
import { KeyRegistry } from '../kit/key-registry.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { createWvClient } from './client.js';
import { createWvIndexFeed } from './index-feed.js';
import { type WerkgeversverenigingLoaders, createWvLoaders } from './loaders.js';
import { wvSource } from './source.js';
import { type WarmUpResult, registerVacatureKeys } from './vacature-keys.js';

export type { WerkgeversverenigingLoaders } from './loaders.js';
export type { WvLidmaatschap, WvVacature, WvWerkgever } from './records.js';
export type { WarmUpResult } from './vacature-keys.js';

export interface WerkgeversverenigingAdapterOptions {
  bronnen: BronnenConfig;
  /** Accepted so every adapter is created alike; unused, as associations hold no BSNs. */
  pseudonymize?: Pseudonymize;
  /** Per partner request; default 10 s. */
  timeoutMs?: number;
}

export interface WerkgeversverenigingAdapter {
  feed: IndexFeed;
  /**
   * Reads the vacancy list once so public vacancy ids resolve to the association's ids. Employers
   * need no warm-up: they are looked up by KvK number directly. Concurrent and repeated calls share
   * one successful read; after a failure the next call (or the next vacancy lookup) tries again.
   */
  warmUp(): Promise<WarmUpResult>;
  /** Fresh loaders; create one set per GraphQL request. */
  createLoaders(): WerkgeversverenigingLoaders;
}

export function createWerkgeversverenigingAdapter(options: WerkgeversverenigingAdapterOptions): WerkgeversverenigingAdapter {
  const source = wvSource(options.bronnen);
  const client = createWvClient(source, options.timeoutMs);
  const vacatureKeys = new KeyRegistry();
  let warm: Promise<WarmUpResult> | undefined;

  const warmUp = (): Promise<WarmUpResult> => {
    warm ??= registerVacatureKeys(client, vacatureKeys, source).catch((error: unknown) => {
      warm = undefined;
      throw error;
    });
    return warm;
  };

  return {
    feed: createWvIndexFeed(client, source),
    warmUp,
    createLoaders: () => createWvLoaders({ client, source, vacatureKeys, vacatureKeysReady: warmUp }),
  };
}
