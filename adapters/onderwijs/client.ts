/**
 * HTTP calls to SBB's service (via the kit's partner client): cursor-paged lists of at most 25 items
 * a page, and lookups by SBB's own keys of at most 25 ids a call. Chunking a larger batch into calls
 * of 25 is the caller's job (see loaders.ts), so each call's failure stays with its own keys.
 * Contact moments are posted through the same client, sharing its breaker and deadline.
 */
import type { LandelijkeBronConfig } from '../kit/bronnen.js';
import { createPartnerHttp } from '../kit/http.js';
import { parsePage } from './parse-page.js';
import type { PagePayload } from './payload-schemas.js';

/** SBB's page size limit and maximum number of ids per lookup call. */
export const MAX_PER_VERZOEK = 25;

export type SbbLijst = 'deelnemers' | 'leerbedrijven' | 'leerbanen' | 'instrumenten';

/** The lookup parameter per resource that supports lookups by key. */
export const LOOKUP_PARAM = { deelnemers: 'deelnemernummers', leerbedrijven: 'kvkNummers', leerbanen: 'ids' } as const;
export type SbbLookup = keyof typeof LOOKUP_PARAM;

export interface OnderwijsClient {
  bronSysteem: string;
  /** Every page of a list, following `nextCursor` until it is null; yields the raw items. */
  pages(lijst: SbbLijst): AsyncGenerator<unknown[]>;
  /** One lookup call for at most 25 keys; unknown keys are simply absent from the answer. */
  lookup(resource: SbbLookup, keys: readonly string[]): Promise<unknown[]>;
  /** `POST /api/v1/contactmomenten` with the key as `Idempotency-Key`: 201 when new, 200 when known. */
  registreerContactmoment(body: Record<string, string>, sleutel: string): Promise<{ status: number; data: string }>;
}

export function createOnderwijsClient(bron: LandelijkeBronConfig, timeoutMs?: number): OnderwijsClient {
  const http = createPartnerHttp({ bron: 'ONDERWIJS', bronSysteem: bron.id, baseURL: bron.url, timeoutMs });

  async function get(path: string, params: Record<string, string | number>): Promise<PagePayload> {
    const response = await http.get<string>(path, { params });
    return parsePage(response.data, { bronSysteem: bron.id, path });
  }

  return {
    bronSysteem: bron.id,
    async *pages(lijst) {
      const path = `/api/v1/${lijst}`;
      let cursor: string | null = null;
      do {
        const page = await get(path, cursor === null ? { limit: MAX_PER_VERZOEK } : { limit: MAX_PER_VERZOEK, cursor });
        yield page.items;
        cursor = page.nextCursor;
      } while (cursor !== null);
    },
    async lookup(resource, keys) {
      if (keys.length > MAX_PER_VERZOEK) throw new RangeError(`SBB lookups take at most ${MAX_PER_VERZOEK} keys, got ${keys.length}`);
      const page = await get(`/api/v1/${resource}`, { [LOOKUP_PARAM[resource]]: keys.join(',') });
      return page.items;
    },
    async registreerContactmoment(body, sleutel) {
      const response = await http.post<string>('/api/v1/contactmomenten', JSON.stringify(body), {
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': sleutel },
      });
      return { status: response.status, data: response.data };
    },
  };
}
