/**
 * The routes of the SBB/ROC sandbox: deelnemers, leerbedrijven, leerbanen and instrumenten, each a
 * cursor-paged list and (except instrumenten) a lookup by SBB's own keys on the same path. The
 * records are rendered and indexed once at start, so a request costs a slice or a few Map lookups.
 */
import type { SandboxResponse, SandboxRoute } from '../kit/partner-server.js';
import type { World } from '../generator/world-types.js';
import { lookupIds, pageOf, type Page } from './paging.js';
import { renderDeelnemer, renderInstrument, renderLeerbaan, renderLeerbedrijf, type NativeRecord } from './render.js';

interface Resource {
  path: string;
  name: string;
  records: NativeRecord[];
  /** Lookup parameter and the index it reads; absent when the resource has no lookup. */
  lookup?: { param: string; index: Map<string, NativeRecord> };
}

function indexBy(records: NativeRecord[], field: string): Map<string, NativeRecord> {
  return new Map(records.map((record) => [String(record[field]), record]));
}

function json(page: Page<NativeRecord>): SandboxResponse {
  return { contentType: 'application/json', body: JSON.stringify(page) };
}

function route(resource: Resource): SandboxRoute {
  return {
    method: 'GET',
    path: resource.path,
    name: resource.name,
    handle: ({ query }) => {
      const lookup = resource.lookup;
      const ids = lookup ? lookupIds(query, lookup.param) : null;
      if (!lookup || ids === null) return json(pageOf(resource.records, query));
      const items = ids.flatMap((id) => {
        const record = lookup.index.get(id);
        return record ? [record] : [];
      });
      return json({ items, nextCursor: null });
    },
  };
}

export function onderwijsRoutes(world: World): SandboxRoute[] {
  const deelnemers = world.personen.flatMap((p) => (p.onderwijs ? [renderDeelnemer(p, p.onderwijs)] : []));
  const leerbedrijven = world.werkgevers.flatMap((w) => (w.onderwijs ? [renderLeerbedrijf(w, w.onderwijs)] : []));
  const leerbanen = world.vacatures.flatMap((v) => (v.onderwijs ? [renderLeerbaan(v, v.onderwijs)] : []));
  const instrumenten = world.instrumenten.filter((i) => i.aanbieder === 'ONDERWIJS').map(renderInstrument);
  return [
    route({ path: '/api/v1/deelnemers', name: 'deelnemers', records: deelnemers, lookup: { param: 'deelnemernummers', index: indexBy(deelnemers, 'deelnemernummer') } }),
    route({ path: '/api/v1/leerbedrijven', name: 'leerbedrijven', records: leerbedrijven, lookup: { param: 'kvkNummers', index: indexBy(leerbedrijven, 'kvkNummer') } }),
    route({ path: '/api/v1/leerbanen', name: 'leerbanen', records: leerbanen, lookup: { param: 'ids', index: indexBy(leerbanen, 'id') } }),
    route({ path: '/api/v1/instrumenten', name: 'instrumenten', records: instrumenten }),
  ];
}
