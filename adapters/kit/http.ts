/**
 * The HTTP client every adapter uses to reach a partner: axios with keep-alive, every call made under
 * the source system's resilience policy (resilience.ts: time budget within the request's deadline,
 * concurrency cap, circuit breaker, retries within a budget), and failures turned into a
 * `PartnerUnavailableError` that names the partner, the source system and the kind of failure, and
 * says whether trying again may help; method, path (never the URL's query, which could hold
 * identifiers) and error code stay in its `detail` for the log.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosAdapter, type AxiosInstance, isAxiosError } from 'axios';
import { isBrokenCircuitError, isBulkheadRejectedError, isTaskCancelledError } from 'cockatiel';
import { PartnerUnavailableError } from './partner-errors.js';
import { partnerPolicy, partnerResilienceFromEnv, retryAfterSeconds, type PartnerResilience } from './resilience.js';
import type { Bron } from './vocabulary.js';

export interface PartnerHttpOptions {
  bron: Bron;
  bronSysteem: string;
  baseURL: string;
  /** Per call; default PARTNER_TIMEOUT_MS (5 s), and never more than the request has left. */
  timeoutMs?: number;
  /** The rest of the policy; default from the environment (resilience.ts). */
  resilience?: Partial<PartnerResilience>;
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });
const defaultAdapter = axios.getAdapter(axios.defaults.adapter);

export function createPartnerHttp(options: PartnerHttpOptions): AxiosInstance {
  const settings = { ...partnerResilienceFromEnv(), ...options.resilience, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) };
  const policy = partnerPolicy(settings);
  // Every request of this client goes through the source system's policy.
  const adapter: AxiosAdapter = (config) => policy.execute(({ signal }) => defaultAdapter({ ...config, signal, timeout: 0 }));
  const client = axios.create({
    baseURL: options.baseURL,
    httpAgent,
    httpsAgent,
    adapter,
    // Partners answer in their own formats; adapters parse the text themselves.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
  });
  client.interceptors.response.use(undefined, (error: unknown) => {
    throw toPartnerError(options, error);
  });
  return client;
}

function toPartnerError(options: PartnerHttpOptions, error: unknown): PartnerUnavailableError {
  const { bron, bronSysteem } = options;
  if (error instanceof PartnerUnavailableError) return error;
  if (isBrokenCircuitError(error)) return new PartnerUnavailableError(bron, bronSysteem, 'ONDERBROKEN', { detail: 'circuit breaker open after repeated failures', cause: error });
  if (isBulkheadRejectedError(error)) return new PartnerUnavailableError(bron, bronSysteem, 'OVERBELAST', { detail: 'concurrency cap and queue full', cause: error });
  if (isTaskCancelledError(error) || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || error.name === 'CanceledError'))) {
    return new PartnerUnavailableError(bron, bronSysteem, 'TIMEOUT', { detail: `no answer within the time budget (${error.name})`, cause: error });
  }
  if (isAxiosError(error)) {
    const call = `${error.config?.method?.toUpperCase() ?? 'GET'} ${error.config?.url?.split('?')[0] ?? ''}`;
    if (error.response) {
      const status = error.response.status;
      return new PartnerUnavailableError(bron, bronSysteem, 'HTTP_FOUT', { httpStatus: status, retryAfterSeconds: retryAfterSeconds(error), detail: `HTTP ${status} on ${call}`, cause: error });
    }
    return new PartnerUnavailableError(bron, bronSysteem, 'ONBEREIKBAAR', { detail: `${error.code ?? error.message} on ${call}`, cause: error });
  }
  return new PartnerUnavailableError(bron, bronSysteem, 'FOUT', { detail: String(error), cause: error });
}
