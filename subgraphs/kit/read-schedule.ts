/**
 * When a subgraph reads its partners' lists again. A source system whose read failed is read again
 * soon, with exponential backoff and jitter (cockatiel's), until it succeeds — whatever the refresh
 * interval says, so a system that timed out at start is not left out until a restart. Once every
 * system has been read, the whole set is read again every `refreshIntervalMs` (when set).
 *
 * Used by the partner subgraphs (their warm-up) and the loket (its index synchronisation).
 */
import { ExponentialBackoff, type IBackoff } from 'cockatiel';

export interface ReadScheduleOptions {
  /**
   * Reads the given source systems (every system when `only` is undefined) and answers those that
   * failed. Must not throw: a read that fails as a whole answers every system it was given.
   */
  read(only: ReadonlySet<string> | undefined): Promise<ReadonlySet<string>>;
  /** Read every system again this often once all have been read; 0 or absent: never. */
  refreshIntervalMs?: number;
  /** First wait before reading failed systems again; default 5 s. */
  retryInitialMs?: number;
  /** Longest wait between attempts; default 5 minutes. */
  retryMaxMs?: number;
}

export interface ReadSchedule {
  /** Plans the next read after one that left `failed` unread (call it with the result of every read made outside the schedule too). */
  after(failed: ReadonlySet<string>): void;
  /** No more reads are started; a read in progress finishes. */
  stop(): void;
}

export const RETRY_INITIAL_MS = 5_000;
export const RETRY_MAX_MS = 300_000;

export function createReadSchedule(options: ReadScheduleOptions): ReadSchedule {
  const factory = new ExponentialBackoff({ initialDelay: options.retryInitialMs ?? RETRY_INITIAL_MS, maxDelay: options.retryMaxMs ?? RETRY_MAX_MS });
  let backoff: IBackoff<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const at = (ms: number, only: ReadonlySet<string> | undefined) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void options.read(only).then(after);
    }, ms);
    timer.unref();
  };

  function after(failed: ReadonlySet<string>): void {
    if (stopped) return;
    if (failed.size > 0) {
      backoff = backoff ? backoff.next(undefined) : factory.next();
      at(backoff.duration, failed);
      return;
    }
    backoff = undefined;
    if (options.refreshIntervalMs) at(options.refreshIntervalMs, undefined);
    else if (timer) clearTimeout(timer);
  }

  return {
    after,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
