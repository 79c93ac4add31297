/**
 * The index feed: how the loket subgraph reads every partner's lists. A partner kind has one or more
 * source systems (UWV one, gemeenten about a hundred); each is a `FeedSource` the loket reads on its
 * own, so one failing system does not stop the others and freshness is known per system. Pages stream,
 * so national-scale lists never sit in memory at once. An iterable may throw a
 * `PartnerUnavailableError`; the loket records it for that source and goes on with the next.
 */
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from './index-records.js';
import type { PartnerRecordIssue } from './partner-errors.js';
import type { Bron } from './vocabulary.js';

export interface FeedPage<T> {
  records: T[];
  /** Records left out because they were malformed; reported by the index. */
  issues: PartnerRecordIssue[];
}

export interface FeedSource {
  bron: Bron;
  /** Configured source system id, e.g. `gm-am36-a`. */
  bronSysteem: string;
  kandidaten?(): AsyncIterable<FeedPage<IndexKandidaat>>;
  vacatures?(): AsyncIterable<FeedPage<IndexVacature>>;
  werkgevers?(): AsyncIterable<FeedPage<IndexWerkgever>>;
  instrumenten?(): AsyncIterable<FeedPage<IndexInstrument>>;
}

export interface IndexFeed {
  bron: Bron;
  sources: FeedSource[];
}
