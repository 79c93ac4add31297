import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOBS, startPartnerServer, type PartnerServer } from './partner-server.js';

let server: PartnerServer;
let clock = 0;

beforeAll(async () => {
  server = await startPartnerServer({
    name: 'proef',
    now: () => clock,
    routes: [{ method: 'GET', path: '/systemen/:bron/lijst', name: 'lijst', handle: ({ params }) => ({ contentType: 'application/json', body: JSON.stringify({ bron: params.bron }) }) }],
  });
});
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(server.knobs, DEFAULT_KNOBS);
  server.resetCounters();
});

const get = (bron: string) => fetch(`${server.url}/systemen/${bron}/lijst`, { signal: AbortSignal.timeout(2_000) });

describe('sandbox failure knobs', () => {
  it('answer normally with every knob off', async () => {
    const response = await get('a');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bron: 'a' });
    expect(server.counters()).toEqual({ total: 1, byRoute: { lijst: 1 }, faults: {} });
  });

  it('throttle with 429 and Retry-After', async () => {
    Object.assign(server.knobs, { throttleRate: 1, retryAfterSeconds: 7 });
    const response = await get('a');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(server.counters().faults).toEqual({ throttle: 1 });
  });

  it('send a body in no format with status 200', async () => {
    server.knobs.garbageRate = 1;
    const response = await get('a');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(server.counters().faults).toEqual({ garbage: 1 });
  });

  it('drop the connection without an answer', async () => {
    server.knobs.resetRate = 1;
    await expect(get('a')).rejects.toThrow();
    expect(server.counters().faults).toEqual({ reset: 1 });
  });

  it('hang until the client gives up', async () => {
    server.knobs.hangRate = 1;
    await expect(fetch(`${server.url}/systemen/a/lijst`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(server.counters().faults).toEqual({ hang: 1 });
  });

  it('apply only to paths in their scope', async () => {
    Object.assign(server.knobs, { errorRate: 1, scope: '/systemen/b/' });
    expect((await get('a')).status).toBe(200);
    expect((await get('b')).status).toBe(503);
    expect(server.counters()).toMatchObject({ total: 2, faults: { error: 1 } });
  });

  it('flap: down in the second half of every period', async () => {
    server.knobs.flapPeriodMs = 1_000;
    const statusAt = async (ms: number) => {
      clock = ms;
      return (await get('a')).status;
    };
    expect([await statusAt(10_000), await statusAt(10_499), await statusAt(10_500), await statusAt(10_999), await statusAt(11_000)]).toEqual([200, 200, 503, 503, 200]);
    expect(server.counters().faults).toEqual({ flap: 2 });
  });
});
