/**
 * What the loket needs of every partner kind, through their adapters: the index feeds, and delivery of
 * registered contacts to an organisation's own system. The loket never speaks a partner's format or
 * HTTP itself.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { LeverContact } from '../../adapters/kit/contact-levering.js';
import type { IndexFeed } from '../../adapters/kit/feed.js';
import { PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';
import type { Pseudonymize } from '../../adapters/kit/pseudonym.js';
import type { Bron } from '../../adapters/kit/vocabulary.js';
import { createGemeenteAdapter } from '../../adapters/gemeente/index.js';
import { createOnderwijsAdapter } from '../../adapters/onderwijs/index.js';
import { createSwBedrijfAdapter } from '../../adapters/sw-bedrijf/index.js';
import { createUwvAdapter } from '../../adapters/uwv/index.js';
import { createWerkgeversverenigingAdapter } from '../../adapters/werkgeversvereniging/index.js';
import type { Lever } from './register/outbox.js';

export interface PartnerKoppelingen {
  feeds: IndexFeed[];
  /** Delivers a contact to a source system of a partner kind. */
  lever: Lever;
}

export function partnerKoppelingen(options: { bronnen: BronnenConfig; pseudonymize: Pseudonymize; timeoutMs?: number }): PartnerKoppelingen {
  // Longest request chains first (SBB pages 25 at a time, UWV is one big national list), so they
  // are not left to run alone at the end of a synchronisation.
  const adapters = [
    createOnderwijsAdapter(options),
    createUwvAdapter(options),
    createWerkgeversverenigingAdapter(options),
    createSwBedrijfAdapter(options),
    createGemeenteAdapter(options),
  ];
  const leveraars = new Map<string, LeverContact>(adapters.map((adapter) => [adapter.bron, adapter.leverContact]));
  return {
    feeds: adapters.map((adapter) => adapter.feed),
    lever: (bron, bronSysteem, levering) => {
      const lever = leveraars.get(bron);
      if (!lever) return Promise.reject(new PartnerUnavailableError(bron as Bron, bronSysteem, 'NIET_GECONFIGUREERD', { detail: `no adapter delivers contacts for ${bron}` }));
      return lever(bronSysteem, levering);
    },
  };
}
