import { describe, expect, it } from 'vitest';
import { ANSWER_MARGIN_MS, budgetMs, deadlineFrom, remainingMs, withDeadline } from './deadline.js';

describe('request deadlines', () => {
  it('give each request its own deadline, across awaits, and none outside a request', async () => {
    expect(remainingMs()).toBeUndefined();
    expect(budgetMs(5_000)).toBe(5_000);
    const seen = await Promise.all(
      [1_000, 3_000].map((ms) =>
        withDeadline(Date.now() + ms, async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return [remainingMs()!, budgetMs(5_000)];
        }),
      ),
    );
    expect(seen[0]![0]).toBeLessThanOrEqual(1_000);
    expect(seen[0]![1]).toBeLessThanOrEqual(1_000 - ANSWER_MARGIN_MS);
    expect(seen[1]![0]).toBeGreaterThan(1_000);
    expect(remainingMs()).toBeUndefined();
  });

  it('take the caller’s time left, but never more than the default', () => {
    expect(deadlineFrom('2000', 15_000, 0)).toBe(2_000);
    expect(deadlineFrom('99999', 15_000, 0)).toBe(15_000);
    for (const bad of [undefined, '', 'soon', '-5', ['1', '2']]) expect(deadlineFrom(bad, 15_000, 0)).toBe(15_000);
  });

  it('leave at least a millisecond once the deadline has passed', () => {
    expect(withDeadline(Date.now() - 10, () => [remainingMs(), budgetMs(5_000)])).toEqual([0, 1]);
  });
});
