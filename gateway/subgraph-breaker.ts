/**
 * A circuit breaker per subgraph at the gateway (cockatiel), so a subgraph that hangs or is down costs
 * later requests milliseconds instead of their whole deadline: after `failures` calls in a row that
 * got no answer in time, no connection or a 5xx, calls to that subgraph fail at once for `pauseMs`;
 * then one call probes it (half-open) and a success closes the breaker again. Each call gets at most
 * `timeoutMs` (and never more than the request has left).
 *
 * Only the subgraph's own trouble counts: a call cut short by the client's shorter deadline
 * (`x-deadline-ms`) or answered with a 4xx does not, so no client can open the breaker for others.
 *
 * | setting | default | |
 * |---|---|---|
 * | `SUBGRAPH_TIMEOUT_MS` | 10000 | per subgraph call, within the request's deadline |
 * | `SUBGRAPH_BREAKER_FAILURES` | 5 | failures in a row that open a subgraph's breaker |
 * | `SUBGRAPH_BREAKER_PAUSE_MS` | 10000 | how long an open breaker refuses calls before it probes |
 */
import { circuitBreaker, ConsecutiveBreaker, handleWhen, isBrokenCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import { positiveNumberFromEnv } from '../schema/subgraphs.js';

export interface SubgraphBreakerSettings {
  timeoutMs: number;
  failures: number;
  pauseMs: number;
}

export function subgraphBreakerFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphBreakerSettings {
  return {
    timeoutMs: positiveNumberFromEnv('SUBGRAPH_TIMEOUT_MS', 10_000, 600_000, env),
    failures: positiveNumberFromEnv('SUBGRAPH_BREAKER_FAILURES', 5, 1_000, env),
    pauseMs: positiveNumberFromEnv('SUBGRAPH_BREAKER_PAUSE_MS', 10_000, 3_600_000, env),
  };
}

/** Why a subgraph call failed, as `extensions.categorie` says it. */
export type SubgraphStoring = 'ONDERBROKEN' | 'TIMEOUT' | 'ONBEREIKBAAR' | 'HTTP_FOUT';

/** A failed call, classified: what to tell the client, and whether the breaker counts it. */
export class SubgraphCallError extends Error {
  constructor(
    readonly categorie: SubgraphStoring,
    readonly reason: string,
    readonly counts: boolean,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'SubgraphCallError';
  }
}

export interface SubgraphBreaker {
  /** The time budget of the next call: the subgraph timeout, or less when the request has less left. */
  readonly timeoutMs: number;
  /**
   * Runs one call; `ownTimeout` says whether the call's budget was this breaker's timeout (rather than
   * the request's shorter time left). Rejects with a `SubgraphCallError`.
   */
  execute<T>(call: () => Promise<T>, ownTimeout: boolean): Promise<T>;
}

export function subgraphBreaker(settings: SubgraphBreakerSettings): SubgraphBreaker {
  const policy: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((error) => error instanceof SubgraphCallError && error.counts),
    { halfOpenAfter: settings.pauseMs, breaker: new ConsecutiveBreaker(settings.failures) },
  );
  return {
    timeoutMs: settings.timeoutMs,
    async execute(call, ownTimeout) {
      try {
        return await policy.execute(async () => {
          try {
            return await call();
          } catch (error) {
            throw classify(error, ownTimeout);
          }
        });
      } catch (error) {
        if (isBrokenCircuitError(error)) throw new SubgraphCallError('ONDERBROKEN', 'calls are paused after repeated failures', false, { cause: error });
        throw error;
      }
    },
  };
}

function classify(error: unknown, ownTimeout: boolean): SubgraphCallError {
  const name = error instanceof Error ? error.name : '';
  const causeName = (error as { cause?: { name?: unknown } })?.cause?.name;
  if (name === 'TimeoutError' || name === 'AbortError' || causeName === 'TimeoutError' || causeName === 'AbortError') {
    return new SubgraphCallError('TIMEOUT', 'it did not answer in time', ownTimeout, { cause: error });
  }
  const status = (error as { extensions?: { response?: { status?: unknown } } })?.extensions?.response?.status;
  if (typeof status === 'number') return new SubgraphCallError('HTTP_FOUT', `HTTP ${status}`, status >= 500, { cause: error });
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return new SubgraphCallError('ONBEREIKBAAR', typeof code === 'string' ? code : 'the call failed', true, { cause: error });
}
