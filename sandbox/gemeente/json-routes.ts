/**
 * Routes of the JSON gemeente systems, `/systemen/:bron/api/v1/<resource>`: page/size paging
 * (size ≤ 200, default 100) in the envelope `{ data, pagina }`, or a lookup of up to 200 of the
 * system's own keys in one request (`?klantnummers=K1,K2`, `?kvk_nummers=`, `?nummers=`).
 */
import { SandboxHttpError, type SandboxRequest, type SandboxResponse, type SandboxRoute } from '../kit/partner-server.js';
import type { GemeenteSysteem, JsonCollection, JsonSysteem } from './store.js';

export const MAX_PAGINA_GROOTTE = 200;
export const STANDAARD_PAGINA_GROOTTE = 100;

type JsonResource = 'klanten' | 'werkgevers' | 'vacatures' | 'instrumenten';

/** Query parameter that looks records up by key; none for instruments (paged only). */
const LOOKUP_PARAM: Record<JsonResource, string | null> = {
  klanten: 'klantnummers',
  werkgevers: 'kvk_nummers',
  vacatures: 'nummers',
  instrumenten: null,
};

export function jsonRoutes(store: Map<string, GemeenteSysteem>): SandboxRoute[] {
  return (Object.keys(LOOKUP_PARAM) as JsonResource[]).map((resource) => ({
    method: 'GET',
    path: `/systemen/:bron/api/v1/${resource}`,
    name: `GET /systemen/*/api/v1/${resource}`,
    handle: (request) => {
      const systeem = jsonSysteem(store, request.params.bron ?? '');
      const lijst: JsonCollection<unknown> = systeem[resource];
      const param = LOOKUP_PARAM[resource];
      const keys = param ? request.query.get(param) : null;
      return keys !== null && param ? lookup(lijst, param, keys) : page(lijst, request);
    },
  }));
}

function jsonSysteem(store: Map<string, GemeenteSysteem>, id: string): JsonSysteem {
  const systeem = store.get(id);
  if (!systeem || systeem.formaat !== 'json') throw new SandboxHttpError(404, `Onbekend gemeentesysteem: ${id}`);
  return systeem;
}

function integer(request: SandboxRequest, name: string, fallback: number): number {
  const raw = request.query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new SandboxHttpError(400, `${name} moet een positief geheel getal zijn`);
  return Number(raw);
}

function page(lijst: JsonCollection<unknown>, request: SandboxRequest): SandboxResponse {
  const nummer = integer(request, 'page', 1);
  const grootte = integer(request, 'size', STANDAARD_PAGINA_GROOTTE);
  if (nummer < 1) throw new SandboxHttpError(400, 'page begint bij 1');
  if (grootte < 1 || grootte > MAX_PAGINA_GROOTTE) throw new SandboxHttpError(400, `size moet tussen 1 en ${MAX_PAGINA_GROOTTE} liggen`);
  const data = lijst.records.slice((nummer - 1) * grootte, nummer * grootte);
  const totaal = lijst.records.length;
  return envelope(data, { nummer, grootte, totaal_elementen: totaal, totaal_paginas: Math.ceil(totaal / grootte) });
}

function lookup(lijst: JsonCollection<unknown>, param: string, raw: string): SandboxResponse {
  const keys = raw.split(',').filter((k) => k !== '');
  if (keys.length > MAX_PAGINA_GROOTTE) throw new SandboxHttpError(400, `Maximaal ${MAX_PAGINA_GROOTTE} ${param} per verzoek`);
  const data = keys.flatMap((k) => {
    const record = lijst.byKey.get(k);
    return record === undefined ? [] : [record];
  });
  return envelope(data, { nummer: 1, grootte: keys.length, totaal_elementen: data.length, totaal_paginas: 1 });
}

interface Pagina {
  nummer: number;
  grootte: number;
  totaal_elementen: number;
  totaal_paginas: number;
}

function envelope(data: unknown[], pagina: Pagina): SandboxResponse {
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ data, pagina }) };
}
