/**
 * A CSV export as a `GemeenteSource`: the export has no filtering, so a list is one file download
 * (handed out in slices so callers can stream) and a lookup downloads the file once and keeps the
 * rows with the requested keys.
 */
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import { chunk } from '../kit/group-by.js';
import { field } from '../kit/validate.js';
import type { CsvExportClient } from './client.js';
import { parseCsvExport } from './parse-csv.js';
import type { ResourceNaam } from './resources.js';
import type { GemeenteSource } from './source.js';

/** Rows handed out per page when streaming a downloaded file. */
export const CSV_PAGINA = 1000;

export function createCsvSource(bron: GemeenteBronConfig, client: CsvExportClient): GemeenteSource {
  const download = async (naam: ResourceNaam) => parseCsvExport(await client.bestand(naam), bron.id);
  return {
    bron,
    async *pages(resource) {
      const rows = await download(resource.naam);
      for (const page of chunk(rows, CSV_PAGINA)) yield page;
    },
    async lookup(resource, keys) {
      const wanted = new Set(keys);
      return (await download(resource.naam)).filter((row) => wanted.has(field(row, resource.sleutelVeld)));
    },
  };
}
