/**
 * The HTTP client every adapter uses to reach a partner: axios with keep-alive, a timeout, one retry
 * when the connection itself failed (a kept-alive socket the partner just closed: ECONNRESET), and
 * failures turned into a `PartnerUnavailableError` that names the partner, the source system and the
 * kind of failure; method, path (never the URL's query, which could hold identifiers) and error code
 * stay in its `detail` for the log. Every partner call is a read, so a retry is safe; timeouts and
 * HTTP errors are not retried.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import axiosRetry, { isNetworkError } from 'axios-retry';
import { PartnerUnavailableError } from './partner-errors.js';
import type { Bron } from './vocabulary.js';

export interface PartnerHttpOptions {
  bron: Bron;
  bronSysteem: string;
  baseURL: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });

export function createPartnerHttp(options: PartnerHttpOptions): AxiosInstance {
  const client = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 10_000,
    httpAgent,
    httpsAgent,
    // Partners answer in their own formats; adapters parse the text themselves.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
  });
  // Registered before the error mapping below, so it sees axios' own error.
  axiosRetry(client, { retries: 1, retryCondition: isNetworkError });
  client.interceptors.response.use(undefined, (error: unknown) => {
    throw toPartnerError(options, error);
  });
  return client;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function toPartnerError(options: PartnerHttpOptions, error: unknown): PartnerUnavailableError {
  // A retried request's failure has been through this mapping already.
  if (error instanceof PartnerUnavailableError) return error;
  if (isAxiosError(error)) {
    const call = `${error.config?.method?.toUpperCase() ?? 'GET'} ${error.config?.url?.split('?')[0] ?? ''}`;
    if (error.response) {
      return new PartnerUnavailableError(options.bron, options.bronSysteem, 'HTTP_FOUT', { httpStatus: error.response.status, detail: `HTTP ${error.response.status} on ${call}`, cause: error });
    }
    const timeout = error.code !== undefined && TIMEOUT_CODES.has(error.code);
    return new PartnerUnavailableError(options.bron, options.bronSysteem, timeout ? 'TIMEOUT' : 'ONBEREIKBAAR', { detail: `${error.code ?? error.message} on ${call}`, cause: error });
  }
  return new PartnerUnavailableError(options.bron, options.bronSysteem, 'FOUT', { detail: String(error), cause: error });
}
