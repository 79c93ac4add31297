/**
 * The sandbox's data per gemeente source system, built once at start: the world's slices grouped by
 * `bronId`, rendered as JSON records with Maps for key lookups (JSON systems) or as CSV files
 * rendered on first download and then kept (CSV exports). Requests only read these structures.
 */
import type { BronnenConfig, GemeenteBronConfig } from '../../adapters/kit/bronnen.js';
import type { Instrument, Persoon, Vacature, Werkgever, World } from '../generator/world-types.js';
import { csvInstrumenten, csvKlanten, csvVacatures, csvWerkgevers } from './csv-export.js';
import { jsonInstrument, jsonKlant, jsonVacature, jsonWerkgever, type JsonInstrument, type JsonKlant, type JsonVacature, type JsonWerkgever } from './json-records.js';

/** A list of JSON records with a lookup by the system's own key. */
export interface JsonCollection<T> {
  records: T[];
  byKey: Map<string, T>;
}

export interface JsonSysteem {
  formaat: 'json';
  bron: GemeenteBronConfig;
  klanten: JsonCollection<JsonKlant>;
  werkgevers: JsonCollection<JsonWerkgever>;
  vacatures: JsonCollection<JsonVacature>;
  instrumenten: JsonCollection<JsonInstrument>;
}

export type CsvBestand = 'klanten' | 'werkgevers' | 'vacatures' | 'instrumenten';

export interface CsvExport {
  formaat: 'csv';
  bron: GemeenteBronConfig;
  /** The whole file's text; rendered on first call, then the same string. */
  bestand(naam: CsvBestand): string;
}

export type GemeenteSysteem = JsonSysteem | CsvExport;

interface Slices {
  personen: (Persoon & { gemeente: NonNullable<Persoon['gemeente']> })[];
  werkgevers: (Werkgever & { gemeente: NonNullable<Werkgever['gemeente']> })[];
  vacatures: (Vacature & { gemeente: NonNullable<Vacature['gemeente']> })[];
  instrumenten: Instrument[];
}

export function buildGemeenteStore(world: World, bronnen: BronnenConfig): Map<string, GemeenteSysteem> {
  const slices = new Map<string, Slices>(bronnen.gemeente.map((b) => [b.id, { personen: [], werkgevers: [], vacatures: [], instrumenten: [] }]));
  for (const p of world.personen) if (p.gemeente) slices.get(p.gemeente.bronId)?.personen.push({ ...p, gemeente: p.gemeente });
  for (const w of world.werkgevers) if (w.gemeente) slices.get(w.gemeente.bronId)?.werkgevers.push({ ...w, gemeente: w.gemeente });
  for (const v of world.vacatures) if (v.gemeente) slices.get(v.gemeente.bronId)?.vacatures.push({ ...v, gemeente: v.gemeente });
  for (const i of world.instrumenten) if (i.aanbieder === 'GEMEENTE') slices.get(i.bronId)?.instrumenten.push(i);

  const store = new Map<string, GemeenteSysteem>();
  for (const bron of bronnen.gemeente) {
    const s = slices.get(bron.id) as Slices;
    store.set(bron.id, bron.formaat === 'json' ? jsonSysteem(bron, s) : csvExport(bron, s));
  }
  return store;
}

function collection<T>(records: T[], keyOf: (record: T) => string): JsonCollection<T> {
  return { records, byKey: new Map(records.map((r) => [keyOf(r), r])) };
}

function jsonSysteem(bron: GemeenteBronConfig, s: Slices): JsonSysteem {
  return {
    formaat: 'json',
    bron,
    klanten: collection(s.personen.map(jsonKlant), (r) => r.klantnummer),
    werkgevers: collection(s.werkgevers.map(jsonWerkgever), (r) => r.kvk_nummer),
    vacatures: collection(s.vacatures.map(jsonVacature), (r) => r.nummer),
    instrumenten: collection(s.instrumenten.map(jsonInstrument), (r) => r.id),
  };
}

function csvExport(bron: GemeenteBronConfig, s: Slices): CsvExport {
  const render: Record<CsvBestand, () => string> = {
    klanten: () => csvKlanten(s.personen),
    werkgevers: () => csvWerkgevers(s.werkgevers),
    vacatures: () => csvVacatures(s.vacatures),
    instrumenten: () => csvInstrumenten(s.instrumenten),
  };
  const cache = new Map<CsvBestand, string>();
  return {
    formaat: 'csv',
    bron,
    bestand(naam) {
      let text = cache.get(naam);
      if (text === undefined) {
        text = render[naam]();
        cache.set(naam, text);
      }
      return text;
    },
  };
}
