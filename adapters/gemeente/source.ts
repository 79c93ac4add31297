/**
 * One gemeente source system as the adapter sees it, whatever its format: raw records of a list,
 * page by page, raw records looked up by the system's own keys, and the delivery of a contact moment.
 * `json-source.ts` and `csv-source.ts` implement it; `createSource` picks by the configured `formaat`.
 */
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import type { ContactLevering, LeverResultaat } from '../kit/contact-levering.js';
import { createCsvExportClient, createJsonSysteemClient } from './client.js';
import { createCsvSource } from './csv-source.js';
import { createJsonSource } from './json-source.js';
import type { Resource } from './resources.js';

/** What a source needs to know of a list; the schemas stay with the caller. */
export type ResourceRef = Pick<Resource<unknown>, 'naam' | 'sleutelVeld' | 'lookupParam'>;

export interface GemeenteSource {
  bron: GemeenteBronConfig;
  /** Every raw record of a list, one array per partner page. */
  pages(resource: ResourceRef): AsyncIterable<unknown[]>;
  /** The raw records with these keys (unknown keys are simply absent). */
  lookup(resource: ResourceRef, keys: readonly string[]): Promise<unknown[]>;
  /** Delivers a contact moment the way the system takes one: its JSON API, or its CSV import. */
  leverContact(levering: ContactLevering): Promise<LeverResultaat>;
}

export function createSource(bron: GemeenteBronConfig, timeoutMs?: number): GemeenteSource {
  return bron.formaat === 'json' ? createJsonSource(bron, createJsonSysteemClient(bron, timeoutMs)) : createCsvSource(bron, createCsvExportClient(bron, timeoutMs));
}
