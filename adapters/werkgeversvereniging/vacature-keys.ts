/**
 * Learns which association vacancy stands behind each public vacancy id, by reading the vacancy
 * list once. Identity (KvK, title, postcode) is validated before the full record, so a vacancy with
 * another bad field is still registered and a later lookup reports that field instead of null.
 */
import type { KeyRegistry } from '../kit/key-registry.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { WvClient } from './client.js';
import { publicVacatureId } from './map.js';
import { allPages } from './paging.js';
import { readVacatureIdentiteiten, readVacatures } from './read-resources.js';
import type { WvSource } from './source.js';

export interface WarmUpResult {
  /** Valid vacancies read. */
  records: number;
  /** Vacancies that were malformed. */
  issues: PartnerRecordIssue[];
}

export async function registerVacatureKeys(client: WvClient, registry: KeyRegistry, source: WvSource): Promise<WarmUpResult> {
  let records = 0;
  const issues: PartnerRecordIssue[] = [];
  for await (const document of allPages(client.vacatures)) {
    for (const identiteit of readVacatureIdentiteiten(document, source).records) {
      registry.add(publicVacatureId(identiteit), { bronSysteem: source.bronSysteem, sleutel: identiteit.id });
    }
    const full = readVacatures(document, source);
    records += full.records.length;
    issues.push(...full.issues);
  }
  return { records, issues };
}
