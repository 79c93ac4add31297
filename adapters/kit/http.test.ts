/**
 * The partner HTTP client under its resilience policy, against nock: what is retried and what not,
 * the breaker opening, probing and closing, the concurrency cap, the request's deadline, and a
 * partner that asks to slow down — each failure named by partner and category, with `retryable`.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { withDeadline } from '../../kit/deadline.js';
import { createPartnerHttp } from './http.js';
import { PartnerUnavailableError } from './partner-errors.js';

const BASE = 'http://partner.test';
const RESILIENCE = { concurrency: 8, breakerFailures: 3, breakerPauseMs: 200 };

/** What Node reports when the partner closed a kept-alive socket as the request went out. */
const connectionReset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

afterEach(() => {
  nock.cleanAll();
});

async function failure(promise: Promise<unknown>): Promise<PartnerUnavailableError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnerUnavailableError);
  return error as PartnerUnavailableError;
}

describe('partner HTTP client', () => {
  it('retries a reset connection or a 503 once, and answers with the second try', async () => {
    const scope = nock(BASE).get('/lijst').replyWithError(connectionReset()).get('/lijst').reply(200, 'ok').get('/ander').reply(503).get('/ander').reply(200, 'ook');
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE, resilience: RESILIENCE });
    await expect(client.get('/lijst')).resolves.toMatchObject({ data: 'ok' });
    await expect(client.get('/ander')).resolves.toMatchObject({ data: 'ook' });
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry an answer that will not change; tells the client partner and kind, the log the call without its query', async () => {
    const scope = nock(BASE).get('/klanten').query(true).reply(404, 'weg');
    const client = createPartnerHttp({ bron: 'GEMEENTE', bronSysteem: 'gm-am36-a', baseURL: BASE, resilience: RESILIENCE });
    expect(await failure(client.get('/klanten?klantnummers=K1,K2'))).toMatchObject({
      bron: 'GEMEENTE',
      bronSysteem: 'gm-am36-a',
      categorie: 'HTTP_FOUT',
      retryable: false,
      message: 'GEMEENTE (gm-am36-a): the partner system answered with an error (HTTP 404)',
      detail: 'HTTP 404 on GET /klanten',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after one retry, naming neither endpoint nor error code to the client', async () => {
    nock(BASE).post('/soap').times(2).replyWithError(connectionReset());
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE, resilience: RESILIENCE });
    expect(await failure(client.post('/soap', '<x/>'))).toMatchObject({ bron: 'UWV', categorie: 'ONBEREIKBAAR', retryable: true, message: 'UWV (uwv): the partner system could not be reached', detail: 'ECONNRESET on POST /soap' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('tells a timeout from an unreachable partner', async () => {
    nock(BASE).get('/traag').delay(300).reply(200, 'te laat');
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE, timeoutMs: 50, resilience: RESILIENCE });
    expect(await failure(client.get('/traag'))).toMatchObject({ categorie: 'TIMEOUT', retryable: true, message: 'UWV (uwv): the partner system did not answer in time' });
  });

  it('gives a call no more than the request has left', async () => {
    nock(BASE).get('/traag').delay(1_000).reply(200, 'te laat');
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE, timeoutMs: 5_000, resilience: RESILIENCE });
    const error = await failure(withDeadline(Date.now() + 150, () => client.get('/traag')));
    expect(error.categorie).toBe('TIMEOUT');
  });

  it('honours a partner that asks to slow down: no retry, Retry-After passed on', async () => {
    const scope = nock(BASE).get('/druk').reply(429, 'rustig', { 'retry-after': '7' });
    const client = createPartnerHttp({ bron: 'ONDERWIJS', bronSysteem: 'sbb', baseURL: BASE, resilience: RESILIENCE });
    expect(await failure(client.get('/druk'))).toMatchObject({ categorie: 'HTTP_FOUT', retryable: true, retryAfterSeconds: 7, message: 'ONDERWIJS (sbb): the partner system answered with an error (HTTP 429)' });
    expect(scope.isDone()).toBe(true);
  });

  it('opens the breaker after failures in a row: then fails at once without calling, probes after the pause, and closes on success', async () => {
    const client = createPartnerHttp({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', baseURL: BASE, resilience: RESILIENCE });
    const failing = nock(BASE).get('/export').times(10).reply(500, 'kapot');
    for (let i = 0; i < 3; i++) expect((await failure(client.get('/export'))).categorie).toBe('HTTP_FOUT');
    const called = 10 - failing.pendingMocks().length;
    expect(await failure(client.get('/export'))).toMatchObject({ categorie: 'ONDERBROKEN', retryable: true, message: 'SW_BEDRIJF (sw-am36): calls to the partner system are paused after repeated failures' });
    expect(10 - failing.pendingMocks().length).toBe(called);
    nock.cleanAll();
    await new Promise((resolve) => setTimeout(resolve, 250));
    nock(BASE).get('/export').times(2).reply(200, 'weer goed');
    await expect(client.get('/export')).resolves.toMatchObject({ data: 'weer goed' });
    await expect(client.get('/export')).resolves.toMatchObject({ data: 'weer goed' });
  });

  it('caps the calls at a time per source system and refuses at once beyond its queue', async () => {
    nock(BASE).get('/traag').times(10).delay(200).reply(200, 'ok');
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE, resilience: { ...RESILIENCE, concurrency: 1 } });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => client.get('/traag')));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(((results[3] as PromiseRejectedResult).reason as PartnerUnavailableError).categorie).toBe('OVERBELAST');
  });
});
