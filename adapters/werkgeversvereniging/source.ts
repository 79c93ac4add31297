/**
 * Which partner and source system the werkgeversvereniging adapter talks to: every error and issue it
 * produces names both. There is one source system (`bronnen.werkgeversvereniging`, id `wv`).
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { Bron } from '../kit/vocabulary.js';

export const BRON = 'WERKGEVERSVERENIGING' satisfies Bron;

export interface WvSource {
  bron: typeof BRON;
  /** Configured source system id, `wv`. */
  bronSysteem: string;
  /** Base URL of the JSON:API service. */
  url: string;
}

export function wvSource(bronnen: BronnenConfig): WvSource {
  return { bron: BRON, bronSysteem: bronnen.werkgeversvereniging.id, url: bronnen.werkgeversvereniging.url };
}
