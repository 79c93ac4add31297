/**
 * Rate limiting at the gateway (rate-limiter-flexible): every request with a valid token counts
 * against its actor (token `sub` + `organisatie`), every request without one against its client
 * address — so a flood of one user, or of attempts with bad tokens, is answered 429 with
 * `Retry-After` instead of taking the graph's capacity. Counted in memory by default; in Redis when
 * `REDIS_URL` is set, so all gateway replicas share the counts (and fall back to counting in memory
 * while Redis cannot be reached, rather than refusing everyone or no one).
 *
 * | setting | default | |
 * |---|---|---|
 * | `RATE_LIMIT_PER_ACTOR` | 100 | requests per 10 seconds per actor |
 * | `RATE_LIMIT_PER_ADDRESS` | 20 | requests without a valid token per 10 seconds per client address |
 * | `REDIS_URL` | unset | share the counts between replicas |
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from '../../kit/auth/actor.js';
import { positiveNumberFromEnv } from '../../schema/subgraphs.js';

export interface RateLimitSettings {
  /** The window the limits count in; default 10 seconds. */
  windowSeconds?: number;
  /** Requests per window per actor. */
  perActor: number;
  /** Requests without a valid token per window per client address. */
  perAddress: number;
  /** Redis to share the counts in; unset: this process's memory. */
  redisUrl?: string;
}

export const DEFAULT_WINDOW_SECONDS = 10;
export const DEFAULT_RATE_LIMITS: RateLimitSettings = { perActor: 100, perAddress: 20 };

export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
  const positive = (name: string, fallback: number) => positiveNumberFromEnv(name, fallback, 1_000_000, env);
  return {
    perActor: positive('RATE_LIMIT_PER_ACTOR', DEFAULT_RATE_LIMITS.perActor),
    perAddress: positive('RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  };
}

/** Too many requests; try again after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface RateLimiter {
  /** Counts a request of `actor`; throws RateLimitedError when over its limit. */
  actor(actor: Actor): Promise<void>;
  /** Counts a request without a valid token from `address`; throws RateLimitedError when over its limit. */
  address(address: string): Promise<void>;
  close(): Promise<void>;
}

export function createRateLimiter(settings: RateLimitSettings): RateLimiter {
  const redis = settings.redisUrl ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 }) : undefined;
  let warned = false;
  redis?.on('error', (error: Error) => {
    // Counting goes on in memory meanwhile; say so once per outage, not per request.
    if (!warned) console.warn(`rate limiting: Redis unavailable (${error.message}); counting in this process until it is back`);
    warned = true;
  });
  redis?.on('ready', () => {
    warned = false;
  });
  const duration = settings.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `een-loket:${keyPrefix}`, points, duration, insuranceLimiter: memory }) : memory;
  };
  const perActor = limiter('actor', settings.perActor);
  const perAddress = limiter('adres', settings.perAddress);
  const consume = async (target: RateLimiterAbstract, key: string, what: string, limit: number) => {
    try {
      await target.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new RateLimitedError(`Too many requests ${what}: at most ${limit} per ${duration} seconds; try again in ${seconds} s`, seconds);
    }
  };
  return {
    actor: (actor) => consume(perActor, `${actor.sub}|${actor.organisatie ?? ''}`, 'for this actor', settings.perActor),
    address: (address) => consume(perAddress, address, 'without a valid token from this address', settings.perAddress),
    close: async () => {
      redis?.disconnect();
    },
  };
}
