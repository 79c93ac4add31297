import { describe, expect, it } from 'vitest';
import { subgraphBreaker, SubgraphCallError } from './subgraph-breaker.js';

const SETTINGS = { timeoutMs: 1_000, failures: 2, pauseMs: 60_000 };

/** An error as Apollo's RemoteGraphQLDataSource throws it for an HTTP answer. */
const httpError = (status: number) => Object.assign(new Error(`${status}`), { extensions: { response: { status } } });
const timeout = () => Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

async function outcomes(errors: Error[], ownTimeout = true): Promise<string[]> {
  const breaker = subgraphBreaker(SETTINGS);
  const seen: string[] = [];
  for (const error of errors) {
    const result = await breaker.execute(() => Promise.reject(error), ownTimeout).catch((e: unknown) => e);
    seen.push(result instanceof SubgraphCallError ? `${result.categorie}: ${result.reason}` : String(result));
  }
  return seen;
}

describe('the subgraph breaker', () => {
  it('opens after failures in a row of the subgraph itself: no answer in time, no connection, 5xx', async () => {
    expect(await outcomes([timeout(), refused(), httpError(503)])).toEqual(['TIMEOUT: it did not answer in time', 'ONBEREIKBAAR: ECONNREFUSED', 'ONDERBROKEN: calls are paused after repeated failures']);
    expect(await outcomes([httpError(502), httpError(500), timeout()])).toEqual(['HTTP_FOUT: HTTP 502', 'HTTP_FOUT: HTTP 500', 'ONDERBROKEN: calls are paused after repeated failures']);
  });

  it('does not count 4xx answers or calls cut short by the client’s own shorter deadline', async () => {
    expect(await outcomes([httpError(400), httpError(401), httpError(413), httpError(400)])).toEqual(['HTTP_FOUT: HTTP 400', 'HTTP_FOUT: HTTP 401', 'HTTP_FOUT: HTTP 413', 'HTTP_FOUT: HTTP 400']);
    expect(await outcomes([timeout(), timeout(), timeout()], false)).toEqual(Array.from({ length: 3 }, () => 'TIMEOUT: it did not answer in time'));
  });

  it('a success in between resets the count', async () => {
    const breaker = subgraphBreaker(SETTINGS);
    const fail = () => breaker.execute(() => Promise.reject(timeout()), true).catch((e: SubgraphCallError) => e.categorie);
    expect(await fail()).toBe('TIMEOUT');
    expect(await breaker.execute(() => Promise.resolve('ok'), true)).toBe('ok');
    expect(await fail()).toBe('TIMEOUT');
    expect(await fail()).toBe('TIMEOUT');
    expect(await fail()).toBe('ONDERBROKEN');
  });
});
