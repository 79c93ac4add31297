/**
 * HTTP calls to one gemeente source system, through the kit's partner client (keep-alive, timeout,
 * failures as `PartnerUnavailableError`). JSON systems page and look up by key; CSV exports are
 * whole files. Returns response bodies as text; parsing is elsewhere.
 */
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import { createPartnerHttp } from '../kit/http.js';
import type { ResourceNaam } from './resources.js';

export interface JsonSysteemClient {
  /** `GET /api/v1/<resource>?page=&size=`. */
  pagina(resource: ResourceNaam, page: number, size: number): Promise<string>;
  /** `GET /api/v1/<resource>?<param>=K1,K2,…` (at most 200 keys). */
  opzoeken(resource: ResourceNaam, param: string, keys: readonly string[]): Promise<string>;
}

export interface CsvExportClient {
  /** `GET /<resource>.csv`, the whole file. */
  bestand(resource: ResourceNaam): Promise<string>;
}

function http(bron: GemeenteBronConfig, timeoutMs: number | undefined) {
  return createPartnerHttp({ bron: 'GEMEENTE', bronSysteem: bron.id, baseURL: bron.url, timeoutMs });
}

export function createJsonSysteemClient(bron: GemeenteBronConfig, timeoutMs?: number): JsonSysteemClient {
  const client = http(bron, timeoutMs);
  return {
    pagina: async (resource, page, size) => (await client.get<string>(`/api/v1/${resource}`, { params: { page, size } })).data,
    opzoeken: async (resource, param, keys) => (await client.get<string>(`/api/v1/${resource}`, { params: { [param]: keys.join(',') } })).data,
  };
}

export function createCsvExportClient(bron: GemeenteBronConfig, timeoutMs?: number): CsvExportClient {
  const client = http(bron, timeoutMs);
  return {
    bestand: async (resource) => (await client.get<string>(`/${resource}.csv`)).data,
  };
}
