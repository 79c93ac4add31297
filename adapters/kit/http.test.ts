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

  it('does not retry an HTTP error; tells the client partner and kind of failure, the log the call without its query string', async () => {
    const scope = nock(BASE).get('/klanten').query(true).reply(503, 'down');
    const client = createPartnerHttp({ bron: 'GEMEENTE', bronSysteem: 'gm-am36-a', baseURL: BASE });
    const error = await client.get('/klanten?klantnummers=K1,K2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({
      bron: 'GEMEENTE',
      bronSysteem: 'gm-am36-a',
      categorie: 'HTTP_FOUT',
      message: 'GEMEENTE (gm-am36-a): the partner system answered with an error (HTTP 503)',
      detail: 'HTTP 503 on GET /klanten',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after one retry, naming neither endpoint nor error code to the client', async () => {
    nock(BASE).post('/soap').times(2).replyWithError(connectionReset());
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE });
    await expect(client.post('/soap', '<x/>')).rejects.toMatchObject({ bron: 'UWV', categorie: 'ONBEREIKBAAR', message: 'UWV (uwv): the partner system could not be reached', detail: 'ECONNRESET on POST /soap' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('tells a timeout from an unreachable partner', async () => {
    nock(BASE).get('/traag').delay(200).reply(200, 'te laat');
    const client = createPartnerHttp({ bron: 'UWV', bronSysteem: 'uwv', baseURL: BASE, timeoutMs: 50 });
    await expect(client.get('/traag')).rejects.toMatchObject({ categorie: 'TIMEOUT', message: 'UWV (uwv): the partner system did not answer in time' });
  });
});
