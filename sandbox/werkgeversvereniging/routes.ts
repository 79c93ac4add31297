/**
 * The routes of the werkgeversvereniging sandbox: a JSON:API service with `werkgevers` (member
 * employers, `include=lidmaatschap`), `vacatures` and `instrumenten`. Resources are rendered and
 * indexed by key once at start, so a lookup of 100 keys at national scale is 100 map reads.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../kit/partner-server.js';
import { type JsonApiResource, checkFilters, jsonApiErrors, pagedDocument, readFilter, readInclude, readPage } from './jsonapi-document.js';
import { type BrancheVacature, type LidWerkgever, type WerkgeverResources, instrumentResource, vacatureResource, werkgeverResources } from './resources.js';

/** Rendered resources in list order plus an index by key. */
interface Collection<T> {
  list: T[];
  byKey: Map<string, T>;
}

function collect<T>(items: T[], keyOf: (item: T) => string): Collection<T> {
  return { list: items, byKey: new Map(items.map((item) => [keyOf(item), item])) };
}

/** The resources a filter selects, in the order the keys were asked; unknown keys are skipped. */
function select<T>(collection: Collection<T>, keys: string[] | null): T[] {
  if (keys === null) return collection.list;
  return keys.flatMap((key) => {
    const item = collection.byKey.get(key);
    return item ? [item] : [];
  });
}

const same = (resource: JsonApiResource): JsonApiResource => resource;

export function createWerkgeversverenigingRoutes(world: World, bronnen: BronnenConfig): SandboxRoute[] {
  const werkgevers = collect(
    world.werkgevers.filter((w): w is LidWerkgever => w.werkgeversvereniging !== undefined).map(werkgeverResources),
    (r) => r.werkgever.id,
  );
  const vacatures = collect(
    world.vacatures.filter((v): v is BrancheVacature => v.werkgeversvereniging !== undefined).map(vacatureResource),
    (r) => r.id,
  );
  const instrumenten = world.instrumenten
    .filter((i) => i.aanbieder === 'WERKGEVERSVERENIGING' && i.bronId === bronnen.werkgeversvereniging.id)
    .map(instrumentResource);

  function listWerkgevers(request: SandboxRequest): SandboxResponse {
    const include = readInclude(request.query, ['lidmaatschap']);
    checkFilters(request.query, ['kvkNummer']);
    return pagedDocument({
      request,
      page: readPage(request.query),
      items: select(werkgevers, readFilter(request.query, 'kvkNummer')),
      resource: (r: WerkgeverResources) => r.werkgever,
      included: include.has('lidmaatschap') ? (r: WerkgeverResources) => [r.lidmaatschap] : undefined,
    });
  }

  function listVacatures(request: SandboxRequest): SandboxResponse {
    readInclude(request.query, []);
    checkFilters(request.query, ['id']);
    return pagedDocument({ request, page: readPage(request.query), items: select(vacatures, readFilter(request.query, 'id')), resource: same });
  }

  function listInstrumenten(request: SandboxRequest): SandboxResponse {
    readInclude(request.query, []);
    checkFilters(request.query, []);
    return pagedDocument({ request, page: readPage(request.query), items: instrumenten, resource: same });
  }

  return [
    { method: 'GET', path: '/jsonapi/werkgevers', name: 'werkgevers', handle: jsonApiErrors(listWerkgevers) },
    { method: 'GET', path: '/jsonapi/vacatures', name: 'vacatures', handle: jsonApiErrors(listVacatures) },
    { method: 'GET', path: '/jsonapi/instrumenten', name: 'instrumenten', handle: jsonApiErrors(listInstrumenten) },
  ];
}
