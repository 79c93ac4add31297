/**
 * A CSV export as a `GemeenteSource`: the export has no filtering, so a list is one file download
 * (handed out in slices so callers can stream) and a lookup downloads the file once and keeps the
 * rows with the requested keys. A contact moment goes to the system's CSV import (`deliver-contact.ts`).
 */
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import { chunk } from '../kit/group-by.js';
import { field } from '../kit/validate.js';
import { parseCsvExport } from '../kit/csv-export.js';
import type { CsvExportClient } from './client.js';
import { leverViaImport } from './deliver-contact.js';
import type { GemeenteSource, ResourceRef } from './source.js';

/** Rows handed out per page when streaming a downloaded file. */
export const CSV_PAGINA = 1000;

export function createCsvSource(bron: GemeenteBronConfig, client: CsvExportClient): GemeenteSource {
  const download = async (resource: ResourceRef) =>
    parseCsvExport(await client.bestand(resource.naam), { bron: 'GEMEENTE', bronSysteem: bron.id, bestand: `${resource.naam}.csv`, sleutelkolom: resource.sleutelVeld });
  return {
    bron,
    async *pages(resource) {
      const rows = await download(resource);
      for (const page of chunk(rows, CSV_PAGINA)) yield page;
    },
    async lookup(resource, keys) {
      const wanted = new Set(keys);
      return (await download(resource)).filter((row) => wanted.has(field(row, resource.sleutelVeld)));
    },
    leverContact: (levering) => leverViaImport(bron, client, levering),
  };
}
