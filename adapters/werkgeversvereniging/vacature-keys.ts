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
import { readVacatureIdentiteiten } from './read-resources.js';
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
    const read = readVacatureIdentiteiten(document, source);
    for (const { identity } of read.rows) registry.add(publicVacatureId(identity), { bronSysteem: source.bronSysteem, sleutel: identity.id });
    records += read.rows.filter((row) => row.record !== null).length;
    issues.push(...read.issues);
  }
  return { records, issues };
}
