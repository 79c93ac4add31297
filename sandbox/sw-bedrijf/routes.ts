/**
 * The SW-bedrijven's HTTP interface: one server for all companies, the company chosen by the path
 * (`/bedrijven/sw-am36/export/medewerkers.csv`). Whole files only, no paging and no lookup by key:
 * that is how these exports work. An unknown company is a 404 (problem+json).
 */
import { SandboxHttpError, type SandboxRoute } from '../kit/partner-server.js';
import type { BedrijfExports, ExportBestand } from './exports-per-bedrijf.js';

const BESTANDEN: readonly ExportBestand[] = ['medewerkers', 'werkgevers', 'instrumenten'];

function exportRoute(bestand: ExportBestand, exports: ReadonlyMap<string, BedrijfExports>): SandboxRoute {
  return {
    method: 'GET',
    path: `/bedrijven/:bron/export/${bestand}.csv`,
    name: `${bestand}.csv`,
    handle: ({ params }) => {
      const bedrijf = exports.get(params.bron ?? '');
      if (!bedrijf) throw new SandboxHttpError(404, `Unknown SW-bedrijf: ${params.bron ?? ''}`);
      return { contentType: 'text/csv; charset=utf-8', body: bedrijf[bestand] };
    },
  };
}

export function swBedrijfRoutes(exports: ReadonlyMap<string, BedrijfExports>): SandboxRoute[] {
  return BESTANDEN.map((bestand) => exportRoute(bestand, exports));
}
