/**
 * The four lists every gemeente source system offers, with what the adapter needs to read each:
 * the record kind for error reports, the key field, the lookup parameter (JSON systems only) and
 * the schema per format.
 */
import type { z } from 'zod';
import { CsvInstrument, CsvKlant, CsvVacature, CsvWerkgever } from './csv-schemas.js';
import {
  JsonInstrument,
  JsonKlant,
  JsonVacature,
  JsonWerkgever,
  type InstrumentRecord,
  type KlantRecord,
  type VacatureRecord,
  type WerkgeverRecord,
} from './payload-schemas.js';

export type ResourceNaam = 'klanten' | 'werkgevers' | 'vacatures' | 'instrumenten';

export interface Resource<T> {
  /** Path segment of the JSON API and name of the CSV file (`klanten` → `klanten.csv`). */
  naam: ResourceNaam;
  /** Kind of record in error reports. */
  recordSoort: string;
  /** Native field holding the partner's key (never the BSN). */
  sleutelVeld: string;
  /** Query parameter of a JSON key lookup; null when the system only pages this list. */
  lookupParam: string | null;
  json: z.ZodType<T>;
  csv: z.ZodType<T>;
  sleutel(record: T): string;
}

export const KLANTEN: Resource<KlantRecord> = {
  naam: 'klanten',
  recordSoort: 'klant',
  sleutelVeld: 'klantnummer',
  lookupParam: 'klantnummers',
  json: JsonKlant,
  csv: CsvKlant,
  sleutel: (r) => r.klantnummer,
};

export const WERKGEVERS: Resource<WerkgeverRecord> = {
  naam: 'werkgevers',
  recordSoort: 'werkgever',
  sleutelVeld: 'kvk_nummer',
  lookupParam: 'kvk_nummers',
  json: JsonWerkgever,
  csv: CsvWerkgever,
  sleutel: (r) => r.kvk_nummer,
};

export const VACATURES: Resource<VacatureRecord> = {
  naam: 'vacatures',
  recordSoort: 'vacature',
  sleutelVeld: 'nummer',
  lookupParam: 'nummers',
  json: JsonVacature,
  csv: CsvVacature,
  sleutel: (r) => r.nummer,
};

export const INSTRUMENTEN: Resource<InstrumentRecord> = {
  naam: 'instrumenten',
  recordSoort: 'instrument',
  sleutelVeld: 'id',
  lookupParam: null,
  json: JsonInstrument,
  csv: CsvInstrument,
  sleutel: (r) => r.id,
};
