/**
 * The werkgeversvereniging's contribution to the loket index: one source system (`wv`) streaming
 * member employers, branche vacancies and sector-fund instruments page by page. No kandidaten:
 * associations hold no person data.
 */
import type { FeedPage, IndexFeed } from '../kit/feed.js';
import type { IndexInstrument, IndexVacature, IndexWerkgever } from '../kit/index-records.js';
import type { WvClient } from './client.js';
import { toIndexVacature, toIndexWerkgever } from './map.js';
import { allPages } from './paging.js';
import { readInstrumenten, readVacatures, readWerkgevers } from './read-resources.js';
import type { WvSource } from './source.js';

export function createWvIndexFeed(client: WvClient, source: WvSource): IndexFeed {
  return {
    bron: source.bron,
    sources: [
      {
        bron: source.bron,
        bronSysteem: source.bronSysteem,
        async *werkgevers(): AsyncGenerator<FeedPage<IndexWerkgever>> {
          for await (const document of allPages(client.werkgevers)) {
            const { records, issues } = readWerkgevers(document, source);
            yield { records: records.map(toIndexWerkgever), issues };
          }
        },
        async *vacatures(): AsyncGenerator<FeedPage<IndexVacature>> {
          for await (const document of allPages(client.vacatures)) {
            const { records, issues } = readVacatures(document, source);
            yield { records: records.map(({ vacature }) => toIndexVacature(vacature)), issues };
          }
        },
        async *instrumenten(): AsyncGenerator<FeedPage<IndexInstrument>> {
          for await (const document of allPages(client.instrumenten)) yield readInstrumenten(document, source);
        },
      },
    ],
  };
}
