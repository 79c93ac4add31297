/**
 * Splits the world per SW-bedrijf once, at start, and renders each company's three export files.
 * Requests then only look up a ready file, so even national scale (about 75,000 SW employees) costs
 * nothing per request.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import { groupBy } from '../../adapters/kit/group-by.js';
import type { World } from '../generator/world-types.js';
import { instrumentenCsv } from './instrumenten-export.js';
import { medewerkersCsv, type SwPersoon } from './medewerkers-export.js';
import { werkgeversCsv } from './werkgevers-export.js';

/** The three files an SW-bedrijf exports, as served (CSV text with BOM). */
export interface BedrijfExports {
  medewerkers: string;
  werkgevers: string;
  instrumenten: string;
}

export type ExportBestand = keyof BedrijfExports;

function isSwPersoon(persoon: World['personen'][number]): persoon is SwPersoon {
  return persoon.sw !== undefined;
}

/** Company id (e.g. `sw-am36`) → its export files, for every SW-bedrijf in the configuration. */
export function exportsPerBedrijf(world: World, bronnen: BronnenConfig): Map<string, BedrijfExports> {
  const medewerkers = groupBy(world.personen.filter(isSwPersoon), (p) => p.sw.bronId);
  const relaties = groupBy(world.werkgevers, (w) => w.sw?.bronId);
  const instrumenten = groupBy(
    world.instrumenten.filter((i) => i.aanbieder === 'SW_BEDRIJF'),
    (i) => i.bronId,
  );
  const werkgeverByKvk = new Map(world.werkgevers.map((w) => [w.kvkNummer, w]));
  const exports = new Map<string, BedrijfExports>();
  for (const bedrijf of bronnen.swBedrijf) {
    const eigenMedewerkers = medewerkers.get(bedrijf.id) ?? [];
    exports.set(bedrijf.id, {
      medewerkers: medewerkersCsv(eigenMedewerkers),
      werkgevers: werkgeversCsv(relaties.get(bedrijf.id) ?? [], eigenMedewerkers, werkgeverByKvk),
      instrumenten: instrumentenCsv(instrumenten.get(bedrijf.id) ?? []),
    });
  }
  return exports;
}
