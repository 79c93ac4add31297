/**
 * Routes of the CSV exports, `/exports/:bron/<bestand>.csv`: whole files only, no filtering, as a
 * small gemeente's nightly export would be.
 */
import { SandboxHttpError, type SandboxRoute } from '../kit/partner-server.js';
import type { CsvBestand, GemeenteSysteem } from './store.js';

const BESTANDEN: CsvBestand[] = ['klanten', 'werkgevers', 'vacatures', 'instrumenten'];

export function csvRoutes(store: Map<string, GemeenteSysteem>): SandboxRoute[] {
  return BESTANDEN.map((bestand) => ({
    method: 'GET',
    path: `/exports/:bron/${bestand}.csv`,
    name: `GET /exports/*/${bestand}.csv`,
    handle: (request) => {
      const id = request.params.bron ?? '';
      const systeem = store.get(id);
      if (!systeem || systeem.formaat !== 'csv') throw new SandboxHttpError(404, `Onbekende gemeente-export: ${id}`);
      return { contentType: 'text/csv; charset=utf-8', body: systeem.bestand(bestand) };
    },
  }));
}
