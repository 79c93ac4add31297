/**
 * The deadline of the request being served: the gateway gives every client request one
 * (`REQUEST_DEADLINE_MS`), passes the time left to each subgraph in the header `x-deadline-ms`, and
 * every hop below — the subgraph's partner calls, its writes to the logboek — gets at most the time
 * left, so no hop outlives its caller. Kept per request in an AsyncLocalStorage (not in module
 * state); work outside a request (warm-up, index synchronisation) has no deadline.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The header that carries the time left for a call, in whole milliseconds. */
export const DEADLINE_HEADER = 'x-deadline-ms';

/** Time kept back for answering after the last call below a hop. */
export const ANSWER_MARGIN_MS = 50;

const deadlines = new AsyncLocalStorage<number>();

/** Runs `fn` with a deadline at epoch milliseconds `at`. */
export function withDeadline<T>(at: number, fn: () => T): T {
  return deadlines.run(at, fn);
}

/** Milliseconds left before the current request's deadline (0 when passed); undefined outside a request. */
export function remainingMs(now: number = Date.now()): number | undefined {
  const at = deadlines.getStore();
  return at === undefined ? undefined : Math.max(0, at - now);
}

/** A time budget: `limitMs`, or less when the current request has less left (never below 1 ms). */
export function budgetMs(limitMs: number): number {
  const left = remainingMs();
  return left === undefined ? limitMs : Math.max(1, Math.min(limitMs, left - ANSWER_MARGIN_MS));
}

/**
 * The deadline of a request that arrived with `header` (`x-deadline-ms`): the caller's time left, or
 * `defaultMs` from now when it sent none or more than that (a caller can shorten, never lengthen it).
 */
export function deadlineFrom(header: string | string[] | undefined, defaultMs: number, now: number = Date.now()): number {
  const value = typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
  return now + (value === undefined ? defaultMs : Math.min(value, defaultMs));
}
