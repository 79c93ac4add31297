/**
 * The index feed: how the loket subgraph reads every partner's lists. Each adapter implements the
 * parts its partner has; pages stream so national-scale lists never sit in memory at once.
 */
import type { IndexInstrument, IndexKandidaat, IndexVacature, IndexWerkgever } from './index-records.js';
import type { PartnerRecordIssue } from './partner-errors.js';
import type { Bron } from './vocabulary.js';

export interface FeedPage<T> {
  records: T[];
  /** Records left out because they were malformed; reported by the index. */
  issues: PartnerRecordIssue[];
}

export interface IndexFeed {
  bron: Bron;
  kandidaten?(): AsyncIterable<FeedPage<IndexKandidaat>>;
  vacatures?(): AsyncIterable<FeedPage<IndexVacature>>;
  werkgevers?(): AsyncIterable<FeedPage<IndexWerkgever>>;
  instrumenten?(): AsyncIterable<FeedPage<IndexInstrument>>;
}
