/**
 * Runs the UWV adapter's warm-up before the subgraph listens. When UWV cannot be reached the subgraph
 * still starts (employers resolve by KvK without it; people and vacancies resolve to null until UWV's
 * keys are known) and the warm-up is retried in the background until it succeeds.
 */
import { logWarmUp } from '../kit/partner-subgraph.js';
import type { UwvAdapter } from '../../adapters/uwv/index.js';

export interface WarmUpHandle {
  /** Stops background retries. */
  stop(): void;
}

export async function warmUpWithRetry(adapter: Pick<UwvAdapter, 'warmUp'>, log: (message: string) => void, retryMs: number): Promise<WarmUpHandle> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async (): Promise<void> => {
    try {
      const { records, issues } = await adapter.warmUp();
      logWarmUp(log, 'uwv', { records, issues });
    } catch (error) {
      log(`uwv: warm-up failed, retrying in ${retryMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      if (!stopped) {
        timer = setTimeout(() => void attempt(), retryMs);
        timer.unref();
      }
    }
  };
  await attempt();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
