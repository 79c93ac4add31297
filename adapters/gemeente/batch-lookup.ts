/**
 * One batch of loader keys → one lookup per gemeente source system. Each public id's partner keys
 * (from the registry) are grouped per system; each system is asked once for all its keys, and each
 * partner key then resolves to its record, a `PartnerRecordError` for a malformed record, the
 * system's `PartnerUnavailableError`, or null when the system no longer has it.
 */
import { groupBy } from '../kit/group-by.js';
import type { PartnerKey } from '../kit/key-registry.js';
import { asPartnerUnavailable, PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { lookupRecords, type LookupResult } from './read-records.js';
import type { Resource } from './resources.js';
import type { GemeenteSource } from './source.js';

export type KeyOutcome<T> = T | null | PartnerRecordError | PartnerUnavailableError;

export type BatchResults<T> = Map<string, LookupResult<T> | PartnerUnavailableError>;

/** Looks up every partner key of the batch with one request (or download) per source system. */
export async function lookupPerSystem<T>(sources: ReadonlyMap<string, GemeenteSource>, resource: Resource<T>, keys: readonly PartnerKey[]): Promise<BatchResults<T>> {
  const perSystem = groupBy(keys, (key) => key.bronSysteem);
  const entries = await Promise.all(
    [...perSystem].map(async ([bronSysteem, systemKeys]): Promise<[string, LookupResult<T> | PartnerUnavailableError]> => {
      const source = sources.get(bronSysteem);
      if (!source) return [bronSysteem, new PartnerUnavailableError('GEMEENTE', bronSysteem, 'NIET_GECONFIGUREERD')];
      try {
        return [bronSysteem, await lookupRecords(source, resource, [...new Set(systemKeys.map((k) => k.sleutel))])];
      } catch (error) {
        return [bronSysteem, asPartnerUnavailable(error, 'GEMEENTE', bronSysteem)];
      }
    }),
  );
  return new Map(entries);
}

/** What one partner key came to in a batch. */
export function outcomeOf<T>(results: BatchResults<T>, key: PartnerKey): KeyOutcome<T> {
  const result = results.get(key.bronSysteem);
  if (result === undefined) return null;
  if (result instanceof PartnerUnavailableError) return result;
  const hit = result.get(key.sleutel);
  if (!hit) return null;
  return 'issue' in hit ? new PartnerRecordError(hit.issue) : hit.record;
}
