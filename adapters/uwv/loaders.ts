/**
 * DataLoaders of the UWV adapter: a batch of public ids becomes ONE `Opvragen…` call to UWV by its
 * own keys (at most 500 per batch, UWV's limit). Per id: the canonical record; a
 * `PartnerRecordError` when UWV's record is malformed; the `PartnerUnavailableError` when UWV
 * failed; null when UWV does not know the id (without a call when no id of the batch is known).
 */
import DataLoader from 'dataloader';
import type { KeyRegistry } from '../kit/key-registry.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { UWV_MAX_PER_BERICHT, type UwvClient } from './client.js';
import { leesKlanten, leesVacatures, leesWerkgevers, type GelezenRecords } from './read-records.js';
import type { UwvKlant, UwvWerkgeverRelatie, WerkNlVacature } from './records.js';

export interface UwvLoaders {
  /** Pseudonym → what UWV knows of the person. */
  klant: DataLoader<string, UwvKlant | null>;
  /** KvK number → UWV's relation with the employer (looked up directly by KvK). */
  werkgever: DataLoader<string, UwvWerkgeverRelatie | null>;
  /** Vacancy id → the werk.nl vacancy. */
  vacature: DataLoader<string, WerkNlVacature | null>;
}

export interface UwvLoaderDependencies {
  client: UwvClient;
  /** Pseudonyms and vacancy ids → UWV keys, filled by the adapter's warm-up. */
  klanten: KeyRegistry;
  vacatures: KeyRegistry;
  pseudonymize: Pseudonymize;
}

type Result<T> = T | null | Error;

export function createUwvLoaders({ client, klanten, vacatures, pseudonymize }: UwvLoaderDependencies): UwvLoaders {
  const bronSysteem = client.bronSysteem;
  const sleutelIn = (registry: KeyRegistry) => (id: string) => registry.get(id).find((k) => k.bronSysteem === bronSysteem)?.sleutel;
  const options = { maxBatchSize: UWV_MAX_PER_BERICHT };
  return {
    klant: new DataLoader(
      (ids) =>
        loadBySleutel(ids, sleutelIn(klanten), async (sleutels) => leesKlanten(await client.opvragen('klanten', sleutels), bronSysteem, pseudonymize)).then((results) =>
          // Guard: never hand out a record whose BSN is not the requested person's.
          results.map((result, i) => (result && !(result instanceof Error) && result.id !== ids[i] ? null : result)),
        ),
      options,
    ),
    werkgever: new DataLoader(
      (kvks) => loadBySleutel(kvks, (kvk) => (/^\d{8}$/.test(kvk) ? kvk : undefined), async (sleutels) => leesWerkgevers(await client.opvragen('werkgevers', sleutels), bronSysteem)),
      options,
    ),
    vacature: new DataLoader(
      (ids) => loadBySleutel(ids, sleutelIn(vacatures), async (sleutels) => leesVacatures(await client.opvragen('vacatures', sleutels), bronSysteem)),
      options,
    ),
  };
}

/** Maps ids to UWV keys, fetches the known ones in one call, and answers per id. */
async function loadBySleutel<T>(
  ids: readonly string[],
  sleutelVan: (id: string) => string | undefined,
  fetch: (sleutels: string[]) => Promise<GelezenRecords<T>>,
): Promise<Result<T>[]> {
  const sleutels = ids.map(sleutelVan);
  const bekend = [...new Set(sleutels.filter((s): s is string => s !== undefined))];
  if (bekend.length === 0) return ids.map(() => null);
  let gelezen: GelezenRecords<T>;
  try {
    gelezen = await fetch(bekend);
  } catch (error) {
    if (error instanceof PartnerUnavailableError) return sleutels.map((s) => (s === undefined ? null : error));
    throw error;
  }
  const records = new Map(gelezen.records.map((g) => [g.sleutel, g.record]));
  const issues = new Map(gelezen.issues.map((issue) => [issue.record, issue]));
  return sleutels.map((sleutel) => {
    if (sleutel === undefined) return null;
    const record = records.get(sleutel);
    if (record !== undefined) return record;
    const issue = issues.get(sleutel);
    return issue ? new PartnerRecordError(issue) : null;
  });
}
