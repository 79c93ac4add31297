/**
 * The UWV index feed for the loket: one national source system, streaming every page of klanten,
 * werkgevers, werk.nl vacatures and UWV instruments as index records (pseudonymous matching data
 * only), with the page's malformed records as issues.
 */
import type { FeedPage, FeedSource, IndexFeed } from '../kit/feed.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import type { UwvClient } from './client.js';
import { toIndexKandidaat, toIndexVacature, toIndexWerkgever } from './map.js';
import { allePaginas } from './pages.js';
import { leesInstrumenten, leesKlanten, leesVacatures, leesWerkgevers } from './read-records.js';

export interface UwvFeedOptions {
  client: UwvClient;
  pseudonymize: Pseudonymize;
  /** The date ages are computed against (55-plus); defaults to now. */
  vandaag?: () => Date;
}

export function createUwvFeed({ client, pseudonymize, vandaag = () => new Date() }: UwvFeedOptions): IndexFeed {
  const bronSysteem = client.bronSysteem;
  const source: FeedSource = {
    bron: 'UWV',
    bronSysteem,
    kandidaten: () =>
      pagesOf(client, 'klanten', (raws) => {
        const { records, issues } = leesKlanten(raws, bronSysteem, pseudonymize);
        const nu = vandaag();
        return { records: records.map(({ record }) => toIndexKandidaat(record, nu)), issues };
      }),
    werkgevers: () =>
      pagesOf(client, 'werkgevers', (raws) => {
        const { records, issues } = leesWerkgevers(raws, bronSysteem);
        return { records: records.map(({ record }) => toIndexWerkgever(record)), issues };
      }),
    vacatures: () =>
      pagesOf(client, 'vacatures', (raws) => {
        const { records, issues } = leesVacatures(raws, bronSysteem);
        return { records: records.map(({ record }) => toIndexVacature(record)), issues };
      }),
    instrumenten: () => pagesOf(client, 'instrumenten', (raws) => leesInstrumenten(raws, bronSysteem)),
  };
  return { bron: 'UWV', sources: [source] };
}

async function* pagesOf<T>(client: UwvClient, lijst: Parameters<typeof allePaginas>[1], toPage: (raws: unknown[]) => FeedPage<T>): AsyncGenerator<FeedPage<T>> {
  for await (const raws of allePaginas(client, lijst)) yield toPage(raws);
}
