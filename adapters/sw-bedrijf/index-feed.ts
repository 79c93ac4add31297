/**
 * The SW-bedrijven's contribution to the loket index: one feed source per company, each streaming
 * its employees (as candidates), employers and instruments. A company exports whole files, so each
 * list is one download, handed on in pages of at most `FEED_PAGE_SIZE` records; the file's issues
 * come with the first page.
 */
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import type { FeedPage, FeedSource, IndexFeed } from '../kit/feed.js';
import { chunk } from '../kit/group-by.js';
import type { IndexInstrument, IndexKandidaat, IndexWerkgever } from '../kit/index-records.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import type { SwBedrijfClient } from './client.js';
import { toIndexInstrument, toIndexKandidaat, toIndexWerkgever } from './map.js';
import { readInstrumenten, readMedewerkers, readWerkgevers } from './read-exports.js';

export const FEED_PAGE_SIZE = 500;

async function* pages<T>(load: () => Promise<FeedPage<T>>): AsyncIterable<FeedPage<T>> {
  const { records, issues } = await load();
  const chunks = chunk(records, FEED_PAGE_SIZE);
  if (chunks.length === 0) {
    yield { records: [], issues };
    return;
  }
  for (const [i, records] of chunks.entries()) yield { records, issues: i === 0 ? issues : [] };
}

function feedSource(bron: RegionaleBronConfig, client: SwBedrijfClient, pseudonymize: Pseudonymize, vandaag: () => Date): FeedSource {
  return {
    bron: 'SW_BEDRIJF',
    bronSysteem: bron.id,
    kandidaten: () =>
      pages<IndexKandidaat>(async () => {
        const gelezen = readMedewerkers(await client.download(bron.id, 'medewerkers'), bron, pseudonymize);
        const dag = vandaag();
        const records = gelezen.rows.flatMap(({ identity, rij }) => (rij ? [toIndexKandidaat(identity.id, rij, dag)] : []));
        return { records, issues: gelezen.issues };
      }),
    werkgevers: () =>
      pages<IndexWerkgever>(async () => {
        const gelezen = readWerkgevers(await client.download(bron.id, 'werkgevers'), bron);
        return { records: gelezen.rows.flatMap(({ rij }) => (rij ? [toIndexWerkgever(rij)] : [])), issues: gelezen.issues };
      }),
    instrumenten: () =>
      pages<IndexInstrument>(async () => {
        const gelezen = readInstrumenten(await client.download(bron.id, 'instrumenten'), bron);
        return { records: gelezen.records.map((rij) => toIndexInstrument(rij, bron)), issues: gelezen.issues };
      }),
  };
}

/** @param vandaag the day ages are computed against (for `VIJFTIG_PLUS`); defaults to now. */
export function createSwBedrijfFeed(bedrijven: readonly RegionaleBronConfig[], client: SwBedrijfClient, pseudonymize: Pseudonymize, vandaag: () => Date = () => new Date()): IndexFeed {
  return { bron: 'SW_BEDRIJF', sources: bedrijven.map((bron) => feedSource(bron, client, pseudonymize, vandaag)) };
}
