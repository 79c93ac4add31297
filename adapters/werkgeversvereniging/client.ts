/**
 * HTTP calls to the werkgeversvereniging JSON:API service: one method per list or lookup, each one
 * request, each answer parsed into a `JsonApiDocument`. Lists page with `page[number]`/`page[size]`;
 * lookups pass up to 100 keys in one `filter[...]` (the caller chunks). Contact moments are created
 * through the same client (one breaker and deadline for the source system).
 */
import type { AxiosInstance } from 'axios';
import { createPartnerHttp } from '../kit/http.js';
import { type JsonApiDocument, parseJsonApiDocument } from './jsonapi-parser.js';
import type { WvSource } from './source.js';

/** The partner's largest page and largest filter. */
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** 1-based. */
  number: number;
  size: number;
}

export interface WvClient {
  /** One page of member employers, with their memberships included. */
  werkgevers(page: PageRequest): Promise<JsonApiDocument>;
  /** Member employers by KvK number (at most 100), with their memberships included. */
  werkgeversByKvk(kvkNummers: readonly string[]): Promise<JsonApiDocument>;
  vacatures(page: PageRequest): Promise<JsonApiDocument>;
  /** Vacancies by the association's own ids (at most 100). */
  vacaturesById(ids: readonly string[]): Promise<JsonApiDocument>;
  instrumenten(page: PageRequest): Promise<JsonApiDocument>;
  /** `POST /jsonapi/contactmomenten` (a JSON:API create) with the key as `Idempotency-Key`: 201 when new, 200 when known. */
  registreerContactmoment(document: object, sleutel: string): Promise<{ status: number; data: string }>;
}

function pageParams(page: PageRequest): Record<string, string> {
  return { 'page[number]': String(page.number), 'page[size]': String(page.size) };
}

/** A filter lookup asks for one page as large as the key list, so no match is cut off. */
function lookupParams(name: string, keys: readonly string[]): Record<string, string> {
  if (keys.length > MAX_PAGE_SIZE) throw new RangeError(`at most ${MAX_PAGE_SIZE} keys per lookup, got ${keys.length}`);
  return { [`filter[${name}]`]: keys.join(','), 'page[size]': String(Math.max(1, keys.length)) };
}

export function createWvClient(source: WvSource, timeoutMs?: number): WvClient {
  const http: AxiosInstance = createPartnerHttp({ bron: source.bron, bronSysteem: source.bronSysteem, baseURL: source.url, timeoutMs });
  const get = async (path: string, params: Record<string, string>): Promise<JsonApiDocument> => {
    const response = await http.get<string>(path, { params, headers: { Accept: 'application/vnd.api+json' } });
    return parseJsonApiDocument(response.data, source);
  };
  return {
    werkgevers: (page) => get('/jsonapi/werkgevers', { ...pageParams(page), include: 'lidmaatschap' }),
    werkgeversByKvk: (kvkNummers) => get('/jsonapi/werkgevers', { ...lookupParams('kvkNummer', kvkNummers), include: 'lidmaatschap' }),
    vacatures: (page) => get('/jsonapi/vacatures', pageParams(page)),
    vacaturesById: (ids) => get('/jsonapi/vacatures', lookupParams('id', ids)),
    instrumenten: (page) => get('/jsonapi/instrumenten', pageParams(page)),
    registreerContactmoment: async (document, sleutel) => {
      const response = await http.post<string>('/jsonapi/contactmomenten', JSON.stringify(document), {
        headers: { 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json', 'idempotency-key': sleutel },
      });
      return { status: response.status, data: response.data };
    },
  };
}
