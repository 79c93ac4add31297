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
  return [
    createUwvAdapter(options).feed,
    createGemeenteAdapter(options).feed,
    createSwBedrijfAdapter(options).feed,
    createOnderwijsAdapter(options).feed,
    createWerkgeversverenigingAdapter(options).feed,
  ];
}
