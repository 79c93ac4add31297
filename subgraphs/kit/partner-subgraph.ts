/**
 * How every partner subgraph starts: its adapter reads the partner's lists (the warm-up, which teaches
 * it the partner keys behind public ids), then the subgraph listens with fresh loaders per request.
 * A warm-up that fails does not stop the subgraph — it serves what needs no keys and retries — and
 * with `refreshIntervalMs` the warm-up runs again periodically, so people and vacancies new at the
 * partner resolve without a restart.
 */
import { pathToFileURL } from 'node:url';
import type { BaseContext } from '@apollo/server';
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import { describeForLog, describeIssue, PartnerUnavailableError, type PartnerRecordIssue } from '../../adapters/kit/partner-errors.js';
import type { Check } from '../../kit/http/readiness.js';
import { pseudonymizerFromEnv, type Pseudonymize } from '../../adapters/kit/pseudonym.js';
import { loadSettings, runEntry } from '../../kit/startup.js';
import { listenOptionsFromEnv, SUBGRAPHS, wholeNumberFromEnv, type SubgraphName } from '../../schema/subgraphs.js';
import type { AccessDependencies } from './access/access-context.js';
import { accessDependencies, accessSettingsFromEnv } from './access/access-settings.js';
import { startSubgraphServer, type RunningSubgraph } from './server.js';

export interface PartnerSubgraphOptions {
  /** Default a free port; the entries (`server.ts` run directly) use the port of `schema/subgraphs.ts`. */
  port?: number;
  host?: string;
  /** Source configuration; default `loadBronnen()` (adapters/bronnen.json + environment). */
  bronnen?: BronnenConfig;
  /** Default `pseudonymizerFromEnv()`. */
  pseudonymize?: Pseudonymize;
  /** Per partner request; default 10 s. */
  timeoutMs?: number;
  /** Read the partner's lists again this often; 0 or absent: only at start. */
  refreshIntervalMs?: number;
  /** Wait before retrying a failed warm-up; default 30 s. */
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
  unavailable?: readonly Error[];
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
  warmUp(): Promise<WarmUpSummary>;
  createLoaders(): Loaders;
}

export interface RunningPartnerSubgraph extends RunningSubgraph {
  /** The last successful warm-up; undefined while none has succeeded. */
  lastWarmUp(): WarmUpSummary | undefined;
}

export async function startPartnerSubgraph<Loaders>(
  name: SubgraphName,
  adapter: PartnerAdapter<Loaders>,
  resolvers: object,
  options: PartnerSubgraphOptions,
): Promise<RunningPartnerSubgraph> {
  const log = options.log ?? logToStderr;
  let last: WarmUpSummary | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number | undefined) => {
    if (stopped || !ms) return;
    timer = setTimeout(() => void warmUp(), ms);
    timer.unref();
  };
  const warmUp = async () => {
    try {
      last = await adapter.warmUp();
      logWarmUp(log, name, last);
      schedule(options.refreshIntervalMs);
    } catch (error) {
      const retryMs = options.warmUpRetryMs ?? 30_000;
      log(`${name} warm-up failed, retrying in ${retryMs} ms: ${describeForLog(error)}`);
      schedule(retryMs);
    }
  };
  await warmUp();
  const running = await startSubgraphServer<BaseContext & { loaders: Loaders }>({
    name,
    resolvers,
    context: async () => ({ loaders: adapter.createLoaders() }),
    access: options.access ?? accessDependencies(accessSettingsFromEnv(name), name),
    // Serving is possible without the partner's lists (entities without keys); gaps make it degraded.
    ready: async () => warmUpChecks(last),
    port: options.port,
    host: options.host,
  });
  return {
    ...running,
    lastWarmUp: () => last,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.stop();
    },
  };
}

/** The readiness checks of a partner subgraph: its last warm-up, and each source system it could not read. */
export function warmUpChecks(last: WarmUpSummary | undefined): Check[] {
  if (!last) return [{ name: 'warm-up', ok: false, detail: "the partner's lists have not been read yet; retrying" }];
  return [{ name: 'warm-up', ok: true }, ...(last.unavailable ?? []).map((error): Check => ({ name: `bron:${error instanceof PartnerUnavailableError ? error.bronSysteem : 'onbekend'}`, ok: false, detail: error.message }))];
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
