/**
 * How an adapter treats a partner source system that fails (cockatiel), one policy per source system:
 * - every attempt gets the partner timeout, or less when the request has less time left
 *   (kit/deadline.ts), the wait for a free slot included;
 * - at most `concurrency` calls at a time, `queue` more waiting; beyond that a call fails at once
 *   (`OVERBELAST`) instead of queueing behind a partner that hangs;
 * - a circuit breaker: after `breakerFailures` failures in a row calls fail at once (`ONDERBROKEN`)
 *   for `breakerPauseMs`, then one call probes the partner (half-open) and a success closes it again;
 * - failed calls that may succeed again (connection errors, 502/503/504, 429 with a short
 *   Retry-After) are retried once, after a backoff with jitter, when the retry budget of the source
 *   system allows it (at most one retry per ten calls, after a reserve of ten) and time is left.
 * A retry is safe: partner calls are reads, or writes that carry an idempotency key (a contact moment's
 * delivery), which the partner keeps once however often it arrives.
 *
 * | setting | default | |
 * |---|---|---|
 * | `PARTNER_TIMEOUT_MS` | 5000 | per attempt (an adapter's own `timeoutMs` wins) |
 * | `PARTNER_CONCURRENCY` | 8 | calls at a time per source system (and twice as many waiting) |
 * | `PARTNER_BREAKER_FAILURES` | 5 | failures in a row that open the breaker |
 * | `PARTNER_BREAKER_PAUSE_MS` | 10000 | how long an open breaker refuses calls before it probes |
 */
import { isAxiosError } from 'axios';
import { bulkhead, circuitBreaker, ConsecutiveBreaker, ExponentialBackoff, handleWhen, retry, wrap, type IPolicy } from 'cockatiel';
import { budgetMs, remainingMs } from '../../kit/deadline.js';
import { positiveNumberFromEnv } from '../../schema/subgraphs.js';

export interface PartnerResilience {
  timeoutMs: number;
  concurrency: number;
  breakerFailures: number;
  breakerPauseMs: number;
}

export function partnerResilienceFromEnv(env: NodeJS.ProcessEnv = process.env): PartnerResilience {
  const positive = (name: string, fallback: number, max: number) => positiveNumberFromEnv(name, fallback, max, env);
  return {
    timeoutMs: positive('PARTNER_TIMEOUT_MS', 5_000, 120_000),
    concurrency: positive('PARTNER_CONCURRENCY', 8, 1_000),
    breakerFailures: positive('PARTNER_BREAKER_FAILURES', 5, 1_000),
    breakerPauseMs: positive('PARTNER_BREAKER_PAUSE_MS', 10_000, 3_600_000),
  };
}

/** A partner call that failed in a way a later call may not: worth retrying. */
export function isTransient(error: unknown): boolean {
  if (!isAxiosError(error)) return false;
  const status = error.response?.status;
  if (status === undefined) return ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN'].includes(error.code ?? '');
  return status === 502 || status === 503 || status === 504 || (status === 429 && (retryAfterSeconds(error) ?? 0) <= 1);
}

/** A failure the breaker counts: no answer, or an answer that says the partner is in trouble. */
export function isPartnerFailure(error: unknown): boolean {
  if (!isAxiosError(error)) return true;
  const status = error.response?.status;
  return status === undefined || status >= 500 || status === 429;
}

/** The partner's `Retry-After` in seconds (delta-seconds or an HTTP date), when it sent one. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!isAxiosError(error)) return undefined;
  const value = error.response?.headers?.['retry-after'];
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** At most one retry per `ratio` calls, after a reserve of `reserve` retries. */
class RetryBudget {
  private tokens: number;
  constructor(
    private readonly reserve = 10,
    private readonly ratio = 10,
  ) {
    this.tokens = reserve;
  }
  /** Every call adds to the budget. */
  called(): void {
    this.tokens = Math.min(this.reserve, this.tokens + 1 / this.ratio);
  }
  /** Whether a retry may be spent now (and spends it). */
  spend(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface PartnerPolicy {
  /**
   * Runs one partner call under the policy; `attempt` gets the signal that aborts it when its time is
   * up. Rejects with the signal's `TimeoutError` once the time is up, also while waiting for a slot.
   */
  execute<T>(attempt: (call: { signal: AbortSignal }) => Promise<T>): Promise<T>;
}

const BACKOFF = { initialDelay: 50, maxDelay: 500 };

/** The policy of one source system. */
export function partnerPolicy(settings: PartnerResilience): PartnerPolicy {
  const budget = new RetryBudget();
  const breaker = circuitBreaker(handleWhen(isPartnerFailure), { halfOpenAfter: settings.breakerPauseMs, breaker: new ConsecutiveBreaker(settings.breakerFailures) });
  const slots = bulkhead(settings.concurrency, settings.concurrency * 2);
  const retrying = retry(
    handleWhen((error) => isTransient(error) && (remainingMs() ?? Number.POSITIVE_INFINITY) > BACKOFF.maxDelay && budget.spend()),
    { maxAttempts: 1, backoff: new ExponentialBackoff(BACKOFF) },
  );
  const policy: IPolicy = wrap(retrying, breaker, slots);
  return {
    execute(attempt) {
      budget.called();
      // One budget for the call, retry and waiting for a slot included.
      const signal = AbortSignal.timeout(budgetMs(settings.timeoutMs));
      const timedOut = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      timedOut.catch(() => {});
      return Promise.race([policy.execute(({ signal: inner }) => attempt({ signal: inner }), signal), timedOut]);
    },
  };
}
