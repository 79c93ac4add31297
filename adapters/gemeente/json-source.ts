/**
 * A JSON gemeente system as a `GemeenteSource`: lists are read with the largest page the system
 * allows (200), lookups send at most 200 keys per request (one request for a normal batch); a contact
 * moment goes to the system's API (`deliver-contact.ts`).
 */
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import { chunk } from '../kit/group-by.js';
import type { JsonSysteemClient } from './client.js';
import { leverViaApi } from './deliver-contact.js';
import { parseJsonPagina } from './parse-json.js';
import type { GemeenteSource } from './source.js';

/** The systems' page and lookup limit. */
export const JSON_MAX_PAGINA = 200;

export function createJsonSource(bron: GemeenteBronConfig, client: JsonSysteemClient): GemeenteSource {
  return {
    bron,
    async *pages(resource) {
      for (let page = 1, totaal = 1; page <= totaal; page++) {
        const pagina = parseJsonPagina(await client.pagina(resource.naam, page, JSON_MAX_PAGINA), bron.id);
        totaal = pagina.pagina.totaal_paginas;
        yield pagina.data;
      }
    },
    async lookup(resource, keys) {
      const param = resource.lookupParam;
      if (!param) throw new Error(`${resource.naam} cannot be looked up by key`);
      const pages = await Promise.all(chunk([...keys], JSON_MAX_PAGINA).map(async (part) => parseJsonPagina(await client.opzoeken(resource.naam, param, part), bron.id).data));
      return pages.flat();
    },
    leverContact: (levering) => leverViaApi(bron, client, levering),
  };
}
