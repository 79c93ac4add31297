/**
 * Runs the loket subgraph in its own worker thread: its HTTP server, its store and its index
 * synchronisation then use a core of their own, while the partner subgraphs and sandboxes of an
 * in-process stack keep the main thread responsive. Same behaviour as `startLoketSubgraph`. The
 * thread is spawned first (it loads its modules while the caller starts the partner systems) and
 * started when the partner sources are known.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import { startModuleWorker } from '../kit/module-worker.js';
import type { RunningSubgraph } from '../kit/server.js';
import type { AccessSettings } from '../kit/access/access-settings.js';
import type { DatabaseOptions } from '../kit/store/database.js';
import type { OutboxTimings } from './register/outbox.js';
import type { SyncReport } from './sync/index-sync.js';

/** What the worker needs; plain data, since functions do not cross threads. */
export interface LoketThreadOptions {
  port?: number;
  host?: string;
  /** Key of the pseudonymizer (PSEUDONIEM_SLEUTEL). */
  pseudonymKey: string;
  database?: DatabaseOptions;
  syncIntervalMs?: number;
  /** The contact outbox's timings, or `false` for a loket that delivers nothing. */
  outbox?: OutboxTimings | false;
}

export type LoketThreadMessage =
  | { type: 'ready'; url: string }
  | { type: 'synced'; report: SyncReport }
  | { type: 'sync-failed'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'log'; message: string }
  | { type: 'stopped' };

export interface LoketThread extends RunningSubgraph {
  firstSync: Promise<SyncReport>;
  /**
   * Ends the thread at once, without stopping the subgraph: what a crash or `kill -9` does to a loket
   * process (nothing is finished or closed). `stop` is then a no-op.
   */
  kill(): Promise<void>;
}

export interface SpawnedLoketThread {
  /**
   * Starts the subgraph on the given partner sources and access settings (token configuration,
   * decision key, logboek URL); resolves once it listens.
   */
  start(bronnen: BronnenConfig, accessSettings: AccessSettings): Promise<LoketThread>;
  /** Ends the thread when it is not going to be started after all. */
  terminate(): Promise<void>;
}

export function spawnLoketThread(options: LoketThreadOptions, log: (message: string) => void = () => {}): SpawnedLoketThread {
  const worker = startModuleWorker(new URL(`./thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url), options);
  let settleSync: { resolve(report: SyncReport): void; reject(error: Error): void } | undefined;
  const firstSync = new Promise<SyncReport>((resolve, reject) => {
    settleSync = { resolve, reject };
  });
  firstSync.catch(() => {});
  let onStopped: (() => void) | undefined;
  let killed = false;
  let settleStart: { resolve(thread: LoketThread): void; reject(error: Error): void } | undefined;

  worker.on('error', (error) => settleStart?.reject(error));
  worker.on('exit', (code) => settleStart?.reject(new Error(`loket worker exited with code ${code} before it was ready`)));
  worker.on('message', (message: LoketThreadMessage) => {
    switch (message.type) {
      case 'log':
        return log(message.message);
      case 'failed':
        void worker.terminate();
        return settleStart?.reject(new Error(`loket subgraph failed to start: ${message.message}`));
      case 'synced':
        return settleSync?.resolve(message.report);
      case 'sync-failed':
        return settleSync?.reject(new Error(message.message));
      case 'stopped':
        return onStopped?.();
      case 'ready':
        return settleStart?.resolve({
          name: 'loket',
          url: message.url,
          firstSync,
          kill: async () => {
            killed = true;
            await worker.terminate();
          },
          stop: async () => {
            if (killed) return;
            await new Promise<void>((done) => {
              onStopped = done;
              worker.postMessage({ type: 'stop' });
            });
            await worker.terminate();
          },
        });
    }
  });

  return {
    start: (bronnen, accessSettings) =>
      new Promise<LoketThread>((resolve, reject) => {
        settleStart = { resolve, reject };
        worker.postMessage({ type: 'start', bronnen, accessSettings });
      }),
    terminate: async () => {
      await worker.terminate();
    },
  };
}
