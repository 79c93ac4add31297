/**
 * The index feeds of every partner kind, through their adapters: the loket never speaks a partner's
 * format or HTTP itself.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { IndexFeed } from '../../adapters/kit/feed.js';
import type { Pseudonymize } from '../../adapters/kit/pseudonym.js';
import { createGemeenteAdapter } from '../../adapters/gemeente/index.js';
import { createOnderwijsAdapter } from '../../adapters/onderwijs/index.js';
import { createSwBedrijfAdapter } from '../../adapters/sw-bedrijf/index.js';
import { createUwvAdapter } from '../../adapters/uwv/index.js';
import { createWerkgeversverenigingAdapter } from '../../adapters/werkgeversvereniging/index.js';

export function partnerFeeds(options: { bronnen: BronnenConfig; pseudonymize: Pseudonymize; timeoutMs?: number }): IndexFeed[] {
  // Longest request chains first (SBB pages 25 at a time, UWV is one big national list), so they
  // are not left to run alone at the end of a synchronisation.
  return [
    createOnderwijsAdapter(options).feed,
    createUwvAdapter(options).feed,
    createWerkgeversverenigingAdapter(options).feed,
    createSwBedrijfAdapter(options).feed,
    createGemeenteAdapter(options).feed,
  ];
}
