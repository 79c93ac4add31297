/**
 * The HTTP client every adapter uses to reach a partner: axios with keep-alive, a timeout, one retry
 * when the connection itself failed (a kept-alive socket the partner just closed: ECONNRESET), and
 * failures turned into a `PartnerUnavailableError` that names the partner and source system (never
 * the URL's query, which could hold identifiers). Every partner call is a read, so a retry is safe;
 * timeouts and HTTP errors are not retried.
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

function toPartnerError(options: PartnerHttpOptions, error: unknown): PartnerUnavailableError {
  if (isAxiosError(error)) {
    const path = error.config?.url?.split('?')[0] ?? '';
    const what = error.response ? `HTTP ${error.response.status}` : error.code === 'ECONNABORTED' ? 'timeout' : (error.code ?? error.message);
    return new PartnerUnavailableError(options.bron, options.bronSysteem, `${what} on ${error.config?.method?.toUpperCase() ?? 'GET'} ${path}`, { cause: error });
  }
  return new PartnerUnavailableError(options.bron, options.bronSysteem, String(error), { cause: error });
}
