/**
 * The gemeente index feed: one `FeedSource` per configured gemeente system, streaming its clients,
 * employers, vacancies and instruments page by page as index records. A failing system throws
 * `PartnerUnavailableError` from its own iterables only.
 */
import type { FeedPage, FeedSource, IndexFeed } from '../kit/feed.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { toIndexInstrument, toIndexKandidaat, toIndexVacature, toIndexWerkgever } from './map.js';
import { readPages } from './read-records.js';
import { INSTRUMENTEN, KLANTEN, VACATURES, WERKGEVERS, type Resource } from './resources.js';
import type { GemeenteSource } from './source.js';

async function* feedPages<T, R>(source: GemeenteSource, resource: Resource<T>, toIndex: (record: T) => R): AsyncIterable<FeedPage<R>> {
  for await (const { records, issues } of readPages(source, resource)) yield { records: records.map(toIndex), issues };
}

export function createIndexFeed(sources: readonly GemeenteSource[], pseudonymize: Pseudonymize, vandaag: () => Date): IndexFeed {
  return {
    bron: 'GEMEENTE',
    sources: sources.map(
      (source): FeedSource => ({
        bron: 'GEMEENTE',
        bronSysteem: source.bron.id,
        kandidaten: () => {
          const op = vandaag();
          return feedPages(source, KLANTEN, (klant) => toIndexKandidaat(klant, pseudonymize, op));
        },
        werkgevers: () => feedPages(source, WERKGEVERS, toIndexWerkgever),
        vacatures: () => feedPages(source, VACATURES, toIndexVacature),
        instrumenten: () => feedPages(source, INSTRUMENTEN, toIndexInstrument),
      }),
    ),
  };
}
