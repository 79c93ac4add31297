/**
 * The logboek client against stand-in HTTP servers: it posts `vastleggen` with the caller's
 * Authorization header, and every way the write can go unconfirmed is a LogboekUnavailableError that
 * names the logboek and the cause, never the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newDienstSleutels } from '../../kit/service-identity/service-keys.js';
import { dienstTokenMinter, dienstTokenVerifier, nieuwVerzoek } from '../../kit/service-identity/service-token.js';
import { createLogboekClient, LogboekUnavailableError, type LogboekClientOptions, type VerwerkingRecord } from './client.js';

const TOKEN = 'Bearer eyJhbGciOiJFUzI1NiJ9.geheim.handtekening';
const sleutels = newDienstSleutels();
const minter = dienstTokenMinter(sleutels, 'uwv');
const VERZOEK = nieuwVerzoek();
const AANROEP = { authorization: TOKEN, verzoek: VERZOEK };
const client = (options: Omit<LogboekClientOptions, 'minter'>) => createLogboekClient({ ...options, minter });

const RECORD: VerwerkingRecord = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  naam: 'klantdossier-inzien',
  startTijd: '2026-11-24T09:30:00.000Z',
  eindTijd: '2026-11-24T09:30:00.120Z',
  status: 'OK',
  resource: 'een-loket/uwv',
  verwerkingsactiviteit: 'klantdossier-inzien',
  doelbinding: 're-integratie',
  betrokkene: 'kd_kandidaat1',
  velden: ['Kandidaat.uwvDossier'],
};

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

interface Received {
  authorization?: string;
  dienstToken?: string;
  body?: { query: string; variables: { verwerkingen: unknown[] } };
}

/** A stand-in logboek answering every request with `answer`; returns its URL and what it received. */
async function standIn(answer: (res: ServerResponse, received: Received) => void): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry: Received = { authorization: req.headers.authorization, dienstToken: req.headers['x-dienst-token'] as string | undefined, body: body ? JSON.parse(body) : undefined };
      received.push(entry);
      answer(res, entry);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/graphql`, received };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<LogboekUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LogboekUnavailableError);
  const message = (error as Error).message;
  expect(message).not.toContain('geheim');
  expect(message).not.toContain('kd_kandidaat1');
  return error as LogboekUnavailableError;
}

describe('logboek client', () => {
  it('posts the records with the caller token and its own service token for the request, and resolves when all are confirmed', async () => {
    const { url, received } = await standIn((res, r) => json(res, 200, { data: { vastleggen: { aantal: r.body?.variables.verwerkingen.length } } }));
    await client({ url }).vastleggen([RECORD, { ...RECORD, spanId: '00f067aa0ba902b8', betrokkene: 'kd_kandidaat2' }], AANROEP);
    expect(received).toHaveLength(1);
    expect(received[0]?.authorization).toBe(TOKEN);
    expect(await dienstTokenVerifier(sleutels, 'logboek').verify(received[0]?.dienstToken, TOKEN.slice('Bearer '.length))).toEqual({ van: 'uwv', verzoek: VERZOEK });
    expect(received[0]?.body?.query).toMatch(/vastleggen\(verwerkingen: \$verwerkingen\)/);
    expect(received[0]?.body?.variables.verwerkingen[0]).toEqual({ ...RECORD, parentSpanId: null, foreignOperation: null });
  });

  it('writes nothing without a service key of its own', async () => {
    const { url, received } = await standIn((res) => json(res, 500, {}));
    expect((await failure(createLogboekClient({ url }).vastleggen([RECORD], AANROEP))).message).toMatch(/no service key to write with \(DIENST_SLEUTEL\)$/);
    expect(received).toHaveLength(0);
  });

  it('sends nothing for no records', async () => {
    const { url, received } = await standIn((res) => json(res, 500, {}));
    await client({ url }).vastleggen([], AANROEP);
    expect(received).toHaveLength(0);
  });

  it('fails when the logboek is down', async () => {
    const { url } = await standIn(() => {});
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const error = await failure(client({ url }).vastleggen([RECORD], AANROEP));
    expect(error.message).toMatch(/^logboek at http:\/\/127\.0\.0\.1:\d+\/graphql did not confirm 1 record\(s\): fetch failed \(ECONNREFUSED\)$/);
    expect(error.code).toBe('LOGBOEK_UNAVAILABLE');
  });

  it('fails when the logboek does not answer in time', async () => {
    const { url } = await standIn(() => {});
    const error = await failure(client({ url, timeoutMs: 100 }).vastleggen([RECORD], AANROEP));
    expect(error.message).toMatch(/no answer within 100 ms$/);
  });

  it('fails on a non-2xx answer', async () => {
    const { url } = await standIn((res) => res.writeHead(502).end('Bad Gateway'));
    expect((await failure(client({ url }).vastleggen([RECORD], AANROEP))).message).toMatch(/: HTTP 502$/);
  });

  it('fails on GraphQL errors, naming code and argument but not the offending value', async () => {
    const { url } = await standIn((res) =>
      json(res, 200, {
        data: null,
        errors: [{ message: 'Variable "$verwerkingen" got invalid value { betrokkene: "kd_kandidaat1" } at "verwerkingen[0]"; Field "x" is not defined', extensions: { code: 'BAD_USER_INPUT', argument: 'verwerkingen[0]' } }],
      }),
    );
    const error = await failure(client({ url }).vastleggen([RECORD], AANROEP));
    expect(error.message).toMatch(/: BAD_USER_INPUT \(verwerkingen\[0\]\): Variable "\$verwerkingen" got an invalid value at "verwerkingen\[0\]"; Field "x" is not defined$/);
  });

  it('fails when fewer records were written than sent', async () => {
    const { url } = await standIn((res) => json(res, 200, { data: { vastleggen: { aantal: 1 } } }));
    const error = await failure(client({ url }).vastleggen([RECORD, { ...RECORD, spanId: '00f067aa0ba902b8' }], AANROEP));
    expect(error.message).toMatch(/did not confirm 2 record\(s\): it confirmed 1 record\(s\)$/);
  });

  it('fails on an answer that is not GraphQL', async () => {
    const { url } = await standIn((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'));
    expect((await failure(client({ url }).vastleggen([RECORD], AANROEP))).message).toMatch(/HTTP 200 without a GraphQL answer$/);
  });
});
