import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';
import { subgraphTestAccess } from '../../test/support/access.js';
import { startPartnerSubgraph, type RunningPartnerSubgraph, type WarmUpSummary } from './partner-subgraph.js';

/** Never the environment's access settings. */
const access = subgraphTestAccess('uwv').deps;

let running: RunningPartnerSubgraph | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const down = (systeem: string) => new PartnerUnavailableError('SW_BEDRIJF', systeem, 'TIMEOUT');

/** A fake adapter answering `results` in turn (the last one repeats), recording which systems each warm-up was asked for. */
function adapter(results: (WarmUpSummary | Error)[], systemen = ['uwv']) {
  const asked: (string[] | 'alle')[] = [];
  return {
    bron: 'UWV' as const,
    systemen,
    asked,
    calls: () => asked.length,
    warmUp: async (only?: ReadonlySet<string>) => {
      const result = results[Math.min(asked.length, results.length - 1)] as WarmUpSummary | Error;
      asked.push(only ? [...only].sort() : 'alle');
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
    expect(log.slice(0, 2)).toEqual(['uwv warm-up failed: UWV (uwv): ECONNREFUSED', 'uwv warm-up: reading 1 source system(s) again soon: uwv']);
    await vi.waitFor(() => expect(running?.lastWarmUp()?.records).toBe(7));
    expect(running.unread().size).toBe(0);
    expect(fake.asked).toEqual(['alle', ['uwv']]);
  });

  it('reads only the source systems that failed again, without a refresh interval, until each has been read', async () => {
    const fake = adapter(
      [
        { records: 10, issues: [], unavailable: [down('sw-b'), down('sw-c')] },
        { records: 3, issues: [], unavailable: [down('sw-c')] },
        { records: 2, issues: [] },
      ],
      ['sw-a', 'sw-b', 'sw-c'],
    );
    running = await startPartnerSubgraph('sw-bedrijf', fake, {}, { warmUpRetryMs: 10, log: () => {}, access });
    await vi.waitFor(() => expect(fake.calls()).toBe(3));
    expect(fake.asked).toEqual(['alle', ['sw-b', 'sw-c'], ['sw-c']]);
    await vi.waitFor(() => expect(running?.unread().size).toBe(0));
    // Everything read and no refresh interval: no further reads.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.calls()).toBe(3);
  });

  it('names each unread source system in /ready (degraded: it still serves)', async () => {
    const fake = adapter([{ records: 10, issues: [], unavailable: [down('sw-b')] }], ['sw-a', 'sw-b']);
    running = await startPartnerSubgraph('sw-bedrijf', fake, {}, { warmUpRetryMs: 60_000, log: () => {}, access });
    const ready = await fetch(new URL('ready', running.url));
    const body = (await ready.json()) as { status: string; checks: { name: string; ok: boolean; detail?: string }[] };
    expect(ready.status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.checks).toContainEqual({ name: 'bron:sw-b', ok: false, detail: 'SW_BEDRIJF (sw-b): the partner system did not answer in time' });
    expect([...running.unread().keys()]).toEqual(['sw-b']);
  });

  it('reads the partner lists again every refresh interval, and stops doing so when stopped', async () => {
    const fake = adapter([{ records: 1, issues: [] }, { records: 2, issues: [] }, { records: 3, issues: [] }]);
    running = await startPartnerSubgraph('uwv', fake, {}, { refreshIntervalMs: 20, log: () => {}, access });
    await vi.waitFor(() => expect(running?.lastWarmUp()?.records).toBe(3));
    expect(fake.asked.slice(0, 3)).toEqual(['alle', 'alle', 'alle']);
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
