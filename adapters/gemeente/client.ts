/**
 * HTTP calls to one gemeente source system, through the kit's partner client (keep-alive, timeout,
 * failures as `PartnerUnavailableError`). JSON systems page and look up by key; CSV exports are
 * whole files. Contact moments go to a JSON system's API or to a CSV system's import, through the
 * same client as the system's reads (one breaker and deadline per system). Returns response bodies
 * as text; parsing is elsewhere.
 */
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import { createPartnerHttp } from '../kit/http.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import type { ResourceNaam } from './resources.js';

export interface JsonSysteemClient {
  /** `GET /api/v1/<resource>?page=&size=`. */
  pagina(resource: ResourceNaam, page: number, size: number): Promise<string>;
  /** `GET /api/v1/<resource>?<param>=K1,K2,…` (at most 200 keys). */
  opzoeken(resource: ResourceNaam, param: string, keys: readonly string[]): Promise<string>;
  /** `POST /api/v1/werkgevers/<kvk>/contactmomenten` with the key as `Idempotency-Key`: 201 when new, 200 when known. */
  registreerContactmoment(kvkNummer: string, body: Record<string, string>, sleutel: string): Promise<{ status: number; data: string }>;
}

export interface CsvExportClient {
  /** `GET /<resource>.csv`, the whole file. */
  bestand(resource: ResourceNaam): Promise<string>;
  /** Posts a file to the system's import beside its exports (see `importUrl`); answers the import's receipt. */
  importeer(bestand: 'contactmomenten', csv: string): Promise<string>;
}

/**
 * A CSV system's import lives beside its exports: `<base>/exports/<id>` takes files at
 * `<base>/imports/<id>/<bestand>.csv`. A system configured otherwise has no known import.
 */
export function importUrl(bron: GemeenteBronConfig, bestand: string): string {
  const url = new URL(bron.url);
  const exports = new RegExp(`/exports/${bron.id}/?$`);
  if (!exports.test(url.pathname)) throw new PartnerUnavailableError('GEMEENTE', bron.id, 'NIET_GECONFIGUREERD', { detail: 'the CSV system has no import beside its exports (url does not end in /exports/<id>)' });
  url.pathname = url.pathname.replace(exports, `/imports/${bron.id}/${bestand}.csv`);
  return url.href;
}

function http(bron: GemeenteBronConfig, timeoutMs: number | undefined) {
  return createPartnerHttp({ bron: 'GEMEENTE', bronSysteem: bron.id, baseURL: bron.url, timeoutMs });
}

export function createJsonSysteemClient(bron: GemeenteBronConfig, timeoutMs?: number): JsonSysteemClient {
  const client = http(bron, timeoutMs);
  return {
    pagina: async (resource, page, size) => (await client.get<string>(`/api/v1/${resource}`, { params: { page, size } })).data,
    opzoeken: async (resource, param, keys) => (await client.get<string>(`/api/v1/${resource}`, { params: { [param]: keys.join(',') } })).data,
    registreerContactmoment: async (kvkNummer, body, sleutel) => {
      const response = await client.post<string>(`/api/v1/werkgevers/${encodeURIComponent(kvkNummer)}/contactmomenten`, JSON.stringify(body), {
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': sleutel },
      });
      return { status: response.status, data: response.data };
    },
  };
}

export function createCsvExportClient(bron: GemeenteBronConfig, timeoutMs?: number): CsvExportClient {
  const client = http(bron, timeoutMs);
  return {
    bestand: async (resource) => (await client.get<string>(`/${resource}.csv`)).data,
    // An absolute URL: the import is not under the exports' base URL, but the client (and its policy) is the system's.
    importeer: async (bestand, csv) => (await client.post<string>(importUrl(bron, bestand), csv, { headers: { 'content-type': 'text/csv; charset=utf-8', accept: 'text/csv' } })).data,
  };
}
