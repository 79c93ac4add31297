/**
 * The onderwijs index feed for the loket: one source system (SBB), whose four lists stream page by
 * page (25 records a page, SBB's limit) as canonical index records plus the issues of the page's
 * malformed records. A failing call ends that list with a `PartnerUnavailableError`.
 */
import type { FeedPage, FeedSource, IndexFeed } from '../kit/feed.js';
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from '../kit/index-records.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import type { OnderwijsClient } from './client.js';
import { toIndexInstrument, toIndexKandidaat, toIndexVacature, toIndexWerkgever } from './map.js';
import { readDeelnemers, readInstrumenten, readLeerbanen, readLeerbedrijven } from './read-records.js';

export interface OnderwijsFeedOptions {
  client: OnderwijsClient;
  pseudonymize: Pseudonymize;
  /** The current date, for age-based target groups. */
  now: () => Date;
}

export function createOnderwijsFeed({ client, pseudonymize, now }: OnderwijsFeedOptions): IndexFeed {
  const { bronSysteem } = client;
  const source: FeedSource = {
    bron: 'ONDERWIJS',
    bronSysteem,
    async *kandidaten(): AsyncGenerator<FeedPage<IndexKandidaat>> {
      for await (const raws of client.pages('deelnemers')) {
        const read = readDeelnemers(raws, bronSysteem, pseudonymize);
        const today = now();
        yield { records: read.records.map((r) => toIndexKandidaat(r.payload, r.pseudonym, today)), issues: read.issues };
      }
    },
    async *werkgevers(): AsyncGenerator<FeedPage<IndexWerkgever>> {
      for await (const raws of client.pages('leerbedrijven')) {
        const read = readLeerbedrijven(raws, bronSysteem);
        yield { records: read.records.map(toIndexWerkgever), issues: read.issues };
      }
    },
    async *vacatures(): AsyncGenerator<FeedPage<IndexVacature>> {
      for await (const raws of client.pages('leerbanen')) {
        const read = readLeerbanen(raws, bronSysteem);
        yield { records: read.records.map(toIndexVacature), issues: read.issues };
      }
    },
    async *instrumenten(): AsyncGenerator<FeedPage<IndexInstrument>> {
      for await (const raws of client.pages('instrumenten')) {
        const read = readInstrumenten(raws, bronSysteem);
        yield { records: read.records.map(toIndexInstrument), issues: read.issues };
      }
    },
  };
  return { bron: 'ONDERWIJS', sources: [source] };
}
