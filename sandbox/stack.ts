/**
 * The whole graph on one machine: the simulated partner systems, the seven subgraphs (the logboek
 * first: the others record personal-data reads in it) and the gateway, each its own HTTP server on its
 * own port, talking real HTTP. `npm start` runs it with the default ports and the dev token issuer;
 * tests run it with ephemeral ports (`ports: 'ephemeral'`), in-memory stores and their own issuer.
 */
import type { BronnenConfig } from '../adapters/kit/bronnen.js';
import { createPseudonymizer, pseudoniemSleutelFromEnv, type Pseudonymize } from '../adapters/kit/pseudonym.js';
import { loadSettings } from '../kit/startup.js';
import type { RateLimitSettings } from '../gateway/rate-limit/rate-limit.js';
import { startGateway, type RunningGateway } from '../gateway/server.js';
import { SUBGRAPHS, type SubgraphName } from '../schema/subgraphs.js';
import type { RunningSubgraph } from '../subgraphs/kit/server.js';
import { startGemeenteSubgraph } from '../subgraphs/gemeente/server.js';
import { accessDependencies, accessSettingsFromEnv, type AccessSettings } from '../subgraphs/kit/access/access-settings.js';
import type { AuditSink } from '../subgraphs/kit/access/audit-trail.js';
import { startLogboekSubgraph } from '../subgraphs/logboek/server.js';
import { spawnLoketThread, type LoketThread } from '../subgraphs/loket/in-thread.js';
import { outboxTimingsFromEnv, type OutboxTimings } from '../subgraphs/loket/register/outbox.js';
import type { DatabaseOptions } from '../subgraphs/kit/store/database.js';
import { startOnderwijsSubgraph } from '../subgraphs/onderwijs/server.js';
import { startSwBedrijfSubgraph } from '../subgraphs/sw-bedrijf/server.js';
import { startUwvSubgraph } from '../subgraphs/uwv/server.js';
import { startWerkgeversverenigingSubgraph } from '../subgraphs/werkgeversvereniging/server.js';
import { generateWorld } from './generator/world.js';
import type { World, WorldOptions } from './generator/world-types.js';
import type { PartnerServer, SandboxKnobs } from './kit/partner-server.js';
import { startSandboxes, type PartnerName } from './partners.js';

export type { PartnerName } from './partners.js';

/** The keys and token configuration every part of the stack shares. */
export interface StackAccess extends Omit<AccessSettings, 'logboekUrl'> {
  /** PSEUDONIEM_SLEUTEL of the adapters. */
  pseudoniemSleutel: string;
}

/** The stack's access settings from the environment, every problem at once. */
export function stackAccessFromEnv(env: NodeJS.ProcessEnv = process.env): StackAccess {
  const { access, pseudoniemSleutel } = loadSettings({ access: () => accessSettingsFromEnv('alle', env), pseudoniemSleutel: () => pseudoniemSleutelFromEnv(env) });
  return { ...access, pseudoniemSleutel };
}

export interface StackOptions {
  /** World size and seed; default demo scale. */
  world?: Partial<WorldOptions>;
  /** `default`: the documented ports (4000, 4001–4006, 4102–4106); `ephemeral`: free ports (tests). */
  ports?: 'default' | 'ephemeral';
  host?: string;
  /** Loket store; default PGlite in `.data/loket`. */
  database?: DatabaseOptions;
  /** Logboek store; default derived from `database`: `.data/logboek`, in memory, or schema `<schema>_logboek`. */
  logboekDatabase?: DatabaseOptions;
  /**
   * Token configuration, decision keys, service keys and the pseudonym key; default from the
   * environment (this machine's development keys outside production).
   */
  access?: StackAccess;
  /**
   * Replaces the logboek client of the partner subgraphs. Only for the benchmark that measures what
   * audit logging adds to a personal-data query; every other use keeps the real logboek.
   */
  auditSinkForBenchmark?: AuditSink;
  /** Knobs per partner sandbox (latency, error rate, hangs). */
  knobs?: Partial<Record<PartnerName, Partial<SandboxKnobs>>>;
  /** The gateway's rate limits; default from the environment (`RATE_LIMIT_*`). */
  rateLimit?: RateLimitSettings;
  /** How often the loket index and the partner subgraphs' keys are refreshed; default only at start. */
  syncIntervalMs?: number;
  /** The loket's contact outbox timings; default from the environment (`OUTBOX_*`). */
  outbox?: OutboxTimings;
  log?: (message: string) => void;
}

export interface Stack {
  world: World;
  bronnen: BronnenConfig;
  /** The graph's GraphQL endpoint. */
  gatewayUrl: string;
  /** Token configuration, decision keys, service keys and logboek URL the parts run with. */
  accessSettings: AccessSettings;
  /** The pseudonymizer of the stack's adapters (tests find a generated person's `Kandidaat.id` with it). */
  pseudonymize: Pseudonymize;
  sandboxes: Record<PartnerName, PartnerServer>;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** The loket subgraph, running in its own worker thread. */
  loket: LoketThread;
  /** Milliseconds per start-up phase, for the log and benchmarks. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const fixed = options.ports !== 'ephemeral';
  const timings: Record<string, number> = {};
  const started: { stop(): Promise<void> }[] = [];
  const time = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    timings[phase] = Math.round(performance.now() - t0);
    return result;
  };

  const { pseudoniemSleutel: pseudonymKey, ...baseSettings } = options.access ?? stackAccessFromEnv();
  const pseudonymize = createPseudonymizer(pseudonymKey);
  // The loket's thread loads its modules while the world and the partner systems are made.
  const loketThread = spawnLoketThread({ host, port: fixed ? SUBGRAPHS.loket.port : 0, pseudonymKey, database: options.database, syncIntervalMs: options.syncIntervalMs, outbox: options.outbox ?? outboxTimingsFromEnv() }, log);
  let loketStarted = false;
  started.push({ stop: async () => (loketStarted ? undefined : loketThread.terminate()) });
  try {
    const world = await time('world', async () => generateWorld(options.world));
    log(`sandbox world: ${world.personen.length} personen, ${world.vacatures.length} vacatures, ${world.werkgevers.length} werkgevers (seed ${world.options.seed})`);

    const { servers: sandboxes, bronnen, close: closeSandboxes } = await time('sandboxes', () => startSandboxes(world, { ports: options.ports, host, knobs: options.knobs }));
    started.push({ stop: closeSandboxes });

    const logboek = await time('logboek', () =>
      startLogboekSubgraph({
        host,
        port: fixed ? SUBGRAPHS.logboek.port : 0,
        database: options.logboekDatabase ?? logboekDatabaseFor(options.database),
        access: baseSettings,
      }),
    );
    started.push(logboek);
    const accessSettings: AccessSettings = { ...baseSettings, logboekUrl: logboek.url };
    const access = (name: SubgraphName) => ({ ...accessDependencies(accessSettings, name), ...(options.auditSinkForBenchmark ? { auditSink: options.auditSinkForBenchmark } : {}) });

    const subgraphOptions = (name: SubgraphName) => ({ host, port: fixed ? SUBGRAPHS[name].port : 0, bronnen, pseudonymize, log, refreshIntervalMs: options.syncIntervalMs, access: access(name) });

    const subgraphs = await time('subgraphs', async () => {
      // They start concurrently; each one's own time shows which warm-up dominates.
      const results = await Promise.allSettled([
        time('loket', () => {
          loketStarted = true;
          return loketThread.start(bronnen, accessSettings);
        }),
        time('gemeente', () => startGemeenteSubgraph(subgraphOptions('gemeente'))),
        time('uwv', () => startUwvSubgraph(subgraphOptions('uwv'))),
        time('sw-bedrijf', () => startSwBedrijfSubgraph(subgraphOptions('sw-bedrijf'))),
        time('onderwijs', () => startOnderwijsSubgraph(subgraphOptions('onderwijs'))),
        time('werkgeversvereniging', () => startWerkgeversverenigingSubgraph(subgraphOptions('werkgeversvereniging'))),
      ]);
      for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      const [loket, gemeente, uwv, sw, onderwijs, wv] = results.map((r) => (r as PromiseFulfilledResult<RunningSubgraph>).value);
      return { loket, gemeente, uwv, 'sw-bedrijf': sw, onderwijs, werkgeversvereniging: wv, logboek } as Record<SubgraphName, RunningSubgraph>;
    });

    const gateway: RunningGateway = await time('gateway', () =>
      startGateway({
        auth: accessSettings.auth,
        diensten: accessSettings.diensten,
        rateLimit: options.rateLimit,
        host,
        port: fixed ? undefined : 0,
        subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
      }),
    );
    started.push(gateway);

    return {
      world,
      bronnen,
      accessSettings,
      pseudonymize,
      gatewayUrl: gateway.url,
      sandboxes,
      subgraphs,
      loket: subgraphs.loket as LoketThread,
      timings,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** Stops in reverse start order: gateway first, sandboxes last. */
async function stopAll(started: { stop(): Promise<void> }[]): Promise<void> {
  for (const part of started.reverse()) await part.stop().catch(() => {});
}

/** The logboek's own store next to the loket's: its own PGlite folder, or its own PostgreSQL schema. */
function logboekDatabaseFor(loket: DatabaseOptions | undefined): DatabaseOptions {
  if (loket?.databaseUrl) return { databaseUrl: loket.databaseUrl, schema: loket.schema && loket.schema !== 'public' ? `${loket.schema}_logboek` : 'logboek' };
  if (loket?.dataDir?.startsWith('memory://')) return { dataDir: 'memory://' };
  return { dataDir: process.env.LOGBOEK_DATA_DIR || '.data/logboek' };
}
