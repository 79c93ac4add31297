/**
 * How every partner subgraph starts: its adapter reads the partner's lists (the warm-up, which teaches
 * it the partner keys behind public ids), then the subgraph listens with fresh loaders per request.
 * A source system whose read fails does not stop the subgraph: it serves what needs no keys, reads that
 * system again with backoff until it succeeds, and meanwhile a field that finds nothing for a record the
 * loket says that system holds answers `PARTNER_UNAVAILABLE` (`NIET_GELEZEN`) instead of a silent null.
 * With `refreshIntervalMs` every system is read again periodically, so people and vacancies new at the
 * partner resolve without a restart.
 */
import { pathToFileURL } from 'node:url';
import type { BaseContext } from '@apollo/server';
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import { describeForLog, describeIssue, type PartnerRecordIssue, type PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';
import type { Bron } from '../../adapters/kit/vocabulary.js';
import { pseudonymizerFromEnv, type Pseudonymize } from '../../adapters/kit/pseudonym.js';
import { loadSettings, runEntry } from '../../kit/startup.js';
import { listenOptionsFromEnv, SUBGRAPHS, wholeNumberFromEnv, type SubgraphName } from '../../schema/subgraphs.js';
import type { AccessDependencies } from './access/access-context.js';
import { accessDependencies, accessSettingsFromEnv } from './access/access-settings.js';
import { createReadSchedule } from './read-schedule.js';
import { koppelingResolvers, SourceReads } from './source-reads.js';
import { reportUnreadSystems } from './unread-systems.js';
import { startSubgraphServer, type RunningSubgraph } from './server.js';

export interface PartnerSubgraphOptions {
  /** Default a free port; the entries (`server.ts` run directly) use the port of `schema/subgraphs.ts`. */
  port?: number;
  host?: string;
  /** Source configuration; default `loadBronnen()` (adapters/bronnen.json + environment). */
  bronnen?: BronnenConfig;
  /** Default `pseudonymizerFromEnv()`. */
  pseudonymize?: Pseudonymize;
  /** Per partner request; default the adapter kit's (PARTNER_TIMEOUT_MS, 5 s). */
  timeoutMs?: number;
  /** Read every system's lists again this often; 0 or absent: only at start (failed systems are retried regardless). */
  refreshIntervalMs?: number;
  /** First wait before reading a failed source system again; default 5 s, growing (with jitter) to at most 5 minutes. */
  warmUpRetryMs?: number;
  /** Start-up and warm-up messages (never personal data); default stderr. */
  log?: (message: string) => void;
  /** Token verification, decision signing, audit log; default from the environment. */
  access?: AccessDependencies;
}

export const logToStderr = (message: string): void => console.warn(message);

/** What a partner adapter's warm-up read. */
export interface WarmUpSummary {
  records: number;
  issues: readonly PartnerRecordIssue[];
  /** Source systems that could not be read (partners with many systems go on without them). */
  unavailable?: readonly PartnerUnavailableError[];
}

/**
 * Logs a warm-up the same way for every partner: counts, the failed systems, and up to three left-out
 * records by key and field (the kit's messages never quote a value, so no personal data is logged).
 */
export function logWarmUp(log: (message: string) => void, subgraph: string, summary: WarmUpSummary): void {
  const unavailable = summary.unavailable ?? [];
  log(`${subgraph} warm-up: ${summary.records} records, ${summary.issues.length} malformed left out, ${unavailable.length} source systems unavailable`);
  for (const error of unavailable) log(`${subgraph} warm-up: ${describeForLog(error)}`);
  for (const issue of summary.issues.slice(0, 3)) log(`${subgraph} warm-up: left out ${describeIssue(issue)}`);
}

export interface PartnerAdapter<Loaders> {
  bron: Bron;
  /** Every source system whose lists the warm-up reads. */
  systemen: readonly string[];
  /** Reads the lists of every source system, or only of those in `only`, and learns their keys. */
  warmUp(only?: ReadonlySet<string>): Promise<WarmUpSummary>;
  createLoaders(): Loaders;
}

export interface RunningPartnerSubgraph extends RunningSubgraph {
  /** What the last warm-up read (of every system, or of the ones retried); undefined before the first. */
  lastWarmUp(): WarmUpSummary | undefined;
  /** Source systems whose latest read failed (or that were never read), with the failure. */
  unread(): ReadonlyMap<string, PartnerUnavailableError>;
}

export async function startPartnerSubgraph<Loaders>(
  name: SubgraphName,
  adapter: PartnerAdapter<Loaders>,
  resolvers: object,
  options: PartnerSubgraphOptions,
): Promise<RunningPartnerSubgraph> {
  const log = options.log ?? logToStderr;
  let last: WarmUpSummary | undefined;
  const reads = new SourceReads(adapter.bron, adapter.systemen);

  const warmUp = async (only: ReadonlySet<string> | undefined): Promise<ReadonlySet<string>> => {
    const attempted = only ?? adapter.systemen;
    try {
      last = await adapter.warmUp(only);
      reads.record(attempted, last.unavailable ?? []);
      logWarmUp(log, name, last);
    } catch (error) {
      reads.recordFailure(attempted, error);
      log(`${name} warm-up failed: ${describeForLog(error)}`);
    }
    if (reads.unread.size > 0) log(`${name} warm-up: reading ${reads.unread.size} source system(s) again soon: ${[...reads.unread.keys()].join(', ')}`);
    return new Set(reads.unread.keys());
  };

  const schedule = createReadSchedule({ read: warmUp, refreshIntervalMs: options.refreshIntervalMs, retryInitialMs: options.warmUpRetryMs });
  schedule.after(await warmUp(undefined));
  const running = await startSubgraphServer<BaseContext & { loaders: Loaders }>({
    name,
    // A field that finds nothing for a record held by an unread system says so instead of answering null.
    resolvers: { ...reportUnreadSystems(resolvers, () => reads.unread), ...koppelingResolvers(name, reads) },
    context: async () => ({ loaders: adapter.createLoaders() }),
    access: options.access ?? accessDependencies(accessSettingsFromEnv(name), name),
    // Serving is possible without the partner's lists (entities without keys); gaps make it degraded.
    ready: async () => [last ? { name: 'warm-up', ok: true } : { name: 'warm-up', ok: false, detail: "the partner's lists have not been read yet; retrying" }, ...reads.checks()],
    port: options.port,
    host: options.host,
  });
  return {
    ...running,
    lastWarmUp: () => last,
    unread: () => reads.unread,
    stop: async () => {
      schedule.stop();
      await running.stop();
    },
  };
}

/** True when the module at `moduleUrl` is the script Node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/**
 * Runs a partner subgraph as its own process: every setting read (and every problem reported) before
 * it starts — PORT/HOST (default the port in `schema/subgraphs.ts`), key refresh every
 * SYNC_INTERVAL_SECONDS, the access settings and, when the partner holds people (`pseudoniemen`),
 * PSEUDONIEM_SLEUTEL — then messages on stdout.
 */
export async function runPartnerSubgraph(name: SubgraphName, start: (options: PartnerSubgraphOptions) => Promise<RunningSubgraph>, { pseudoniemen = true } = {}): Promise<void> {
  await runEntry(`${name} subgraph`, async () => {
    const settings = loadSettings({
      listen: () => listenOptionsFromEnv(SUBGRAPHS[name].port),
      refreshIntervalMs: () => wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400) * 1000,
      access: () => accessSettingsFromEnv(name),
      pseudonymize: () => (pseudoniemen ? pseudonymizerFromEnv() : undefined),
    });
    const subgraph = await start({
      ...settings.listen,
      refreshIntervalMs: settings.refreshIntervalMs,
      access: accessDependencies(settings.access, name),
      ...(settings.pseudonymize && { pseudonymize: settings.pseudonymize }),
      log: (message) => console.log(message),
    });
    console.log(`${name} subgraph at ${subgraph.url}`);
    return subgraph;
  });
}
