import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createPartnerHttp } from './http.js';
import { PartnerUnavailableError } from './partner-errors.js';

const BASE = 'http://partner.test';

/** What Node reports when the partner closed a kept-alive socket as the request went out. */
const connectionReset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

afterEach(() => {
  nock.cleanAll();
});

describe('partner HTTP client', () => {
  it('retries once when the connection was reset, and answers with the second try', async () => {
    const scope = nock(BASE).get('/lijst').replyWithError(connectionReset()).get('/lijst').reply(200, 'ok');
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE });
    await expect(client.get('/lijst')).resolves.toMatchObject({ data: 'ok' });
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry an HTTP error, and names the partner without the query string', async () => {
    const scope = nock(BASE).get('/klanten').query(true).reply(503, 'down');
    const client = createPartnerHttp({ bron: 'GEMEENTE', bronSysteem: 'gm-am36-a', baseURL: BASE });
    const error = await client.get('/klanten?klantnummers=K1,K2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'GEMEENTE', bronSysteem: 'gm-am36-a', message: 'GEMEENTE (gm-am36-a): HTTP 503 on GET /klanten' });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after one retry', async () => {
    nock(BASE).post('/soap').times(2).replyWithError(connectionReset());
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE });
    await expect(client.post('/soap', '<x/>')).rejects.toMatchObject({ bron: 'UWV', message: expect.stringContaining('ECONNRESET') });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
