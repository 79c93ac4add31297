import { afterEach, describe, expect, it, vi } from 'vitest';
import { subgraphTestAccess } from '../../test/support/access.js';
import { startPartnerSubgraph, type RunningPartnerSubgraph, type WarmUpSummary } from './partner-subgraph.js';

/** Never the environment's access settings. */
const access = subgraphTestAccess('uwv').deps;

let running: RunningPartnerSubgraph | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

function adapter(results: (WarmUpSummary | Error)[]) {
  let calls = 0;
  return {
    calls: () => calls,
    warmUp: async () => {
      const result = results[Math.min(calls++, results.length - 1)] as WarmUpSummary | Error;
      if (result instanceof Error) throw result;
      return result;
    },
    createLoaders: () => ({}),
  };
}

describe('partner subgraph start', () => {
  it('starts although the warm-up failed, and retries it until it succeeds', async () => {
    const fake = adapter([new Error('UWV (uwv): ECONNREFUSED'), { records: 7, issues: [] }]);
    const log: string[] = [];
    running = await startPartnerSubgraph('uwv', fake, {}, { warmUpRetryMs: 20, log: (m) => log.push(m), access });
    expect(log[0]).toBe('uwv warm-up failed, retrying in 20 ms: UWV (uwv): ECONNREFUSED');
    await vi.waitFor(() => expect(running?.lastWarmUp()?.records).toBe(7));
    expect(fake.calls()).toBe(2);
  });

  it('reads the partner lists again every refresh interval, and stops doing so when stopped', async () => {
    const fake = adapter([{ records: 1, issues: [] }, { records: 2, issues: [] }, { records: 3, issues: [] }]);
    running = await startPartnerSubgraph('uwv', fake, {}, { refreshIntervalMs: 20, log: () => {}, access });
    await vi.waitFor(() => expect(running?.lastWarmUp()?.records).toBe(3));
    await running.stop();
    const calls = fake.calls();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fake.calls()).toBe(calls);
    running = undefined;
  });

  it('without a refresh interval reads the lists once', async () => {
    const fake = adapter([{ records: 1, issues: [] }]);
    running = await startPartnerSubgraph('uwv', fake, {}, { log: () => {}, access });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.calls()).toBe(1);
  });
});
