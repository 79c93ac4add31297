/**
 * Fills the loket index from the adapters' feeds: every source system is read completely (a few at a
 * time), its records written with the run number, records it left out reported, and then the merged
 * index rebuilt. A source that fails keeps its previous rows and gets its error recorded; the others
 * go on. Records with a gemeente code the CBS list does not know are left out and reported too.
 */
import { forEachLimited } from '../../../adapters/kit/concurrency.js';
import type { FeedPage, FeedSource, IndexFeed } from '../../../adapters/kit/feed.js';
import { describeForLog, type PartnerRecordIssue } from '../../../adapters/kit/partner-errors.js';
import { referentie } from '../../../schema/referentie/gemeenten.js';
import type { Database } from '../../kit/store/database.js';
import { rebuildMergedIndex, type MergeCounts } from '../store/index-merge.js';
import { failSource, finishSource, nextSyncRun, writeInstrumenten, writeKandidaten, writeVacatures, writeWerkgevers } from '../store/index-writer.js';

const WRITE_BATCH = 2_000;

export interface SourceReport {
  bron: string;
  bronSysteem: string;
  records: number;
  afgewezen: number;
  fout?: string;
}

export interface SyncReport {
  duurMs: number;
  bronnen: SourceReport[];
  index: MergeCounts;
}

export interface SyncOptions {
  /** Source systems read at the same time. Default 4. */
  concurrency?: number;
  log?: (message: string) => void;
  /** Read only these source systems (e.g. those whose last read failed); default every one. */
  only?: ReadonlySet<string>;
}

export async function syncIndex(db: Database, feeds: IndexFeed[], options: SyncOptions = {}): Promise<SyncReport> {
  const started = performance.now();
  const run = await nextSyncRun(db);
  const sources = feeds.flatMap((feed) => feed.sources).filter((source) => !options.only || options.only.has(source.bronSysteem));
  const reports: SourceReport[] = [];
  await forEachLimited(sources, options.concurrency ?? 4, async (source) => {
    reports.push(await syncSource(db, run, source, options.log));
  });
  const index = await rebuildMergedIndex(db);
  return { duurMs: Math.round(performance.now() - started), bronnen: reports.sort((a, b) => a.bronSysteem.localeCompare(b.bronSysteem)), index };
}

async function syncSource(db: Database, run: number, source: FeedSource, log?: (message: string) => void): Promise<SourceReport> {
  const issues: PartnerRecordIssue[] = [];
  let records = 0;
  const consume = async <T extends { gemeenteCode: string | null }>(
    pages: AsyncIterable<FeedPage<T>> | undefined,
    recordSoort: string,
    keyOf: (record: T) => string,
    write: (located: { record: T; regioCode: string }[]) => Promise<void>,
  ) => {
    if (!pages) return;
    // Pages are written in batches of at least WRITE_BATCH records: a partner that pages 25 at a
    // time would otherwise cost a statement per 25 records.
    let batch: { record: T; regioCode: string }[] = [];
    const flush = async () => {
      await write(batch);
      records += batch.length;
      batch = [];
    };
    for await (const page of pages) {
      issues.push(...page.issues);
      for (const record of page.records) {
        const gemeente = record.gemeenteCode === null ? undefined : referentie().gemeente(record.gemeenteCode);
        if (record.gemeenteCode !== null && !gemeente) {
          issues.push({ bron: source.bron, bronSysteem: source.bronSysteem, recordSoort, record: keyOf(record), veld: 'gemeenteCode', melding: `unknown CBS gemeentecode "${record.gemeenteCode}"` });
          continue;
        }
        batch.push({ record, regioCode: gemeente?.regioCode ?? '' });
      }
      if (batch.length >= WRITE_BATCH) await flush();
    }
    await flush();
  };
  try {
    const withRegio = <T>(located: { record: T; regioCode: string }[]) => located.map(({ record, regioCode }) => ({ ...record, regioCode }));
    // The four lists of a source are read side by side: a partner that pages 25 at a time has long
    // chains of requests, and they need not wait for each other.
    await Promise.all([
      consume(source.kandidaten?.(), 'kandidaat', (r) => r.id, (ls) => writeKandidaten(db, run, source.bronSysteem, withRegio(ls))),
      consume(source.werkgevers?.(), 'werkgever', (r) => r.kvkNummer, (ls) => writeWerkgevers(db, run, source.bronSysteem, withRegio(ls))),
      consume(source.vacatures?.(), 'vacature', (r) => r.id, (ls) => writeVacatures(db, run, source.bronSysteem, withRegio(ls))),
      // Instruments keep their own regioCode (regional ones) and need no region of their gemeente.
      consume(source.instrumenten?.(), 'instrument', (r) => r.id, (ls) => writeInstrumenten(db, run, source.bronSysteem, ls.map((l) => l.record))),
    ]);
    await finishSource(db, run, source, { aantalRecords: records, issues });
    if (issues.length > 0) log?.(`index: ${source.bronSysteem}: ${records} records, ${issues.length} left out (malformed)`);
    return { bron: source.bron, bronSysteem: source.bronSysteem, records, afgewezen: issues.length };
  } catch (error) {
    const fout = error instanceof Error ? error.message : String(error);
    await failSource(db, source, fout);
    log?.(`index: ${source.bronSysteem} failed, keeping its previous records: ${describeForLog(error)}`);
    return { bron: source.bron, bronSysteem: source.bronSysteem, records, afgewezen: issues.length, fout };
  }
}
