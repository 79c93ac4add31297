/**
 * The loket subgraph: regions, gemeenten and the regional index of candidates, vacancies, employers
 * and instruments. On start it migrates its store, fills the index from every partner's adapter (or,
 * when a persisted index exists, serves it at once and refreshes it in the background), and then
 * refreshes it every `syncIntervalMs`; a source whose read failed is read again with backoff until it
 * succeeds, whatever the interval.
 *
 * Run on its own: `npx tsx subgraphs/loket/server.ts` (PORT, DATABASE_URL, LOKET_DATA_DIR,
 * SYNC_INTERVAL_SECONDS, PSEUDONIEM_SLEUTEL and the *_BRON_URL variables configure it).
 */
import { loadBronnen, type BronnenConfig } from '../../adapters/kit/bronnen.js';
import { pseudonymizerFromEnv, type Pseudonymize } from '../../adapters/kit/pseudonym.js';
import { loadSettings, runEntry } from '../../kit/startup.js';
import { listenOptionsFromEnv, SUBGRAPHS, wholeNumberFromEnv } from '../../schema/subgraphs.js';
import type { AccessDependencies } from '../kit/access/access-context.js';
import { accessDependencies, accessSettingsFromEnv } from '../kit/access/access-settings.js';
import { probe, type Check } from '../../kit/http/readiness.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import { createContext } from './context.js';
import { partnerKoppelingen } from './feeds.js';
import { benaderingsvensterFromEnv, type Benaderingsvenster } from './register/dubbele-benadering.js';
import { leveringsdoelen } from './register/leveringsdoel.js';
import { outboxTimingsFromEnv, startOutbox, type Outbox, type OutboxTimings } from './register/outbox.js';
import { resolvers } from './resolvers.js';
import { openDatabase, type Database, type DatabaseOptions } from '../kit/store/database.js';
import { migrate } from '../kit/store/migrate.js';
import { LOKET_MIGRATIONS } from './store/migrations.js';
import { syncIndex, type SyncReport } from './sync/index-sync.js';
import { createReadSchedule } from '../kit/read-schedule.js';

export interface LoketSubgraphOptions {
  port?: number;
  host?: string;
  bronnen?: BronnenConfig;
  pseudonymize?: Pseudonymize;
  database?: DatabaseOptions;
  /** Refresh the index this often; 0 or absent: only at start (a source whose read failed is read again regardless). */
  syncIntervalMs?: number;
  /** First wait before reading a failed source again; default 5 s, growing (with jitter) to at most 5 minutes. */
  retryInitialMs?: number;
  log?: (message: string) => void;
  /** Token verification, decision signing, audit log; default from the environment. */
  access?: AccessDependencies;
  /**
   * The outbox that delivers registered contacts to the organisations' own systems: its timings, or
   * `false` for a process that delivers nothing (another process on the same store does).
   */
  outbox?: OutboxTimings | false;
  /** The double-approach window per region; default from DUBBELE_BENADERING_DAGEN(_AMxx). */
  venster?: Benaderingsvenster;
}

export interface LoketSubgraph extends RunningSubgraph {
  db: Database;
  /** Reads every partner source (or those in `only`) again and rebuilds the index. */
  syncNow(only?: ReadonlySet<string>): Promise<SyncReport>;
  /** The first synchronisation (already settled when the index was empty at start). */
  firstSync: Promise<SyncReport>;
  /** The contact outbox of this process, when it delivers. */
  outbox?: Outbox;
}

export async function startLoketSubgraph(options: LoketSubgraphOptions = {}): Promise<LoketSubgraph> {
  const log = options.log ?? (() => {});
  const db = await openDatabase(options.database);
  await migrate(db, LOKET_MIGRATIONS);
  const bronnen = options.bronnen ?? loadBronnen();
  const { feeds, lever } = partnerKoppelingen({ bronnen, pseudonymize: options.pseudonymize ?? pseudonymizerFromEnv() });
  const outbox = options.outbox === false ? undefined : startOutbox({ db, lever, log, ...options.outbox });
  const register = { venster: options.venster ?? benaderingsvensterFromEnv(), leveringsdoel: leveringsdoelen(bronnen), outbox };

  // One synchronisation at a time: a request that the running one covers joins it, any other waits for it.
  let running: { promise: Promise<SyncReport>; only?: ReadonlySet<string> } | undefined;
  /** Reads every source (or those in `only`) and rebuilds the index. */
  const syncNow = (only?: ReadonlySet<string>): Promise<SyncReport> => {
    const current = running;
    if (current && (!current.only || (only && [...only].every((systeem) => current.only?.has(systeem))))) return current.promise;
    const start = () => syncIndex(db, feeds, { log, only });
    const promise: Promise<SyncReport> = (current ? current.promise.catch(() => undefined).then(start) : start()).finally(() => {
      if (running?.promise === promise) running = undefined;
    });
    running = { promise, only };
    return promise;
  };
  // A source whose read failed is read again with backoff until it succeeds, whatever the interval.
  const everySource = new Set(feeds.flatMap((feed) => feed.sources.map((source) => source.bronSysteem)));
  const failedIn = (report: SyncReport) => new Set(report.bronnen.filter((b) => b.fout !== undefined).map((b) => b.bronSysteem));
  const schedule = createReadSchedule({
    read: (only) =>
      syncNow(only).then(failedIn, (error: unknown) => {
        log(`loket index synchronisation failed: ${error instanceof Error ? error.message : String(error)}`);
        return only ?? everySource;
      }),
    refreshIntervalMs: options.syncIntervalMs,
    retryInitialMs: options.retryInitialMs,
  });
  const [existing] = await db.query<{ n: string }>('SELECT count(*) AS n FROM bron_status WHERE laatste_synchronisatie IS NOT NULL');
  const firstSync = syncNow();
  firstSync.then(
    (report) => {
      log(`loket index: ${report.index.kandidaten} kandidaten, ${report.index.vacatures} vacatures, ${report.index.werkgevers} werkgevers from ${report.bronnen.length} source systems in ${report.duurMs} ms`);
      schedule.after(failedIn(report));
    },
    (error: unknown) => {
      log(`loket index synchronisation failed: ${error instanceof Error ? error.message : String(error)}`);
      schedule.after(everySource);
    },
  );
  if (Number(existing?.n ?? 0) === 0) await firstSync;

  const server = await startSubgraphServer({
    name: 'loket',
    resolvers,
    context: async (access) => createContext(db, access, register),
    // The store must answer; a source system the last synchronisation could not read leaves a gap.
    ready: async () => {
      const store = await probe('store', () => db.query('SELECT 1'), { required: true });
      if (!store.ok) return [store];
      const failed = await db.query<{ bron_systeem: string; fout: string }>('SELECT bron_systeem, fout FROM bron_status WHERE fout IS NOT NULL ORDER BY bron_systeem');
      return [store, ...failed.map((f): Check => ({ name: `bron:${f.bron_systeem}`, ok: false, detail: f.fout }))];
    },
    access: options.access ?? accessDependencies(accessSettingsFromEnv('loket'), 'loket'),
    port: options.port,
    host: options.host,
  });
  return {
    ...server,
    db,
    syncNow,
    firstSync,
    outbox,
    stop: async () => {
      schedule.stop();
      await server.stop();
      await outbox?.stop();
      await running?.promise.catch(() => {});
      await db.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runEntry('loket subgraph', async () => {
    const settings = loadSettings({
      listen: () => listenOptionsFromEnv(SUBGRAPHS.loket.port),
      syncIntervalMs: () => wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400) * 1000,
      access: () => accessSettingsFromEnv('loket'),
      pseudonymize: () => pseudonymizerFromEnv(),
      outbox: () => outboxTimingsFromEnv(),
      venster: () => benaderingsvensterFromEnv(),
    });
    const loket = await startLoketSubgraph({
      ...settings.listen,
      database: { databaseUrl: process.env.DATABASE_URL, dataDir: process.env.LOKET_DATA_DIR },
      syncIntervalMs: settings.syncIntervalMs,
      access: accessDependencies(settings.access, 'loket'),
      pseudonymize: settings.pseudonymize,
      outbox: settings.outbox,
      venster: settings.venster,
      log: (message) => console.log(message),
    });
    console.log(`loket subgraph at ${loket.url}`);
    return loket;
  });
}
