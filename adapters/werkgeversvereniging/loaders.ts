/**
 * Per-request DataLoaders: a page of 50 employers or vacancies costs one call to the association
 * (chunks of 100 keys). Per key the answer is the record, null when the association does not know
 * it, a `PartnerRecordError` when its record is malformed, or the `PartnerUnavailableError` of the
 * call that failed.
 */
import DataLoader from 'dataloader';
import { chunk } from '../kit/group-by.js';
import type { KeyRegistry } from '../kit/key-registry.js';
import { asPartnerUnavailable, PartnerRecordError } from '../kit/partner-errors.js';
import type { Validated } from '../kit/validate.js';
import { MAX_PAGE_SIZE, type WvClient } from './client.js';
import type { JsonApiDocument } from './jsonapi-parser.js';
import { readVacatures, readWerkgevers } from './read-resources.js';
import type { WvVacature, WvWerkgever } from './records.js';
import type { WvSource } from './source.js';

export interface WerkgeversverenigingLoaders {
  /** KvK number → the member employer with its membership; null when not a member. */
  werkgever: DataLoader<string, WvWerkgever | null>;
  /** Public vacancy id → the branche vacancy; null when the association does not have it. */
  vacature: DataLoader<string, WvVacature | null>;
}

export interface LoaderDependencies {
  client: WvClient;
  source: WvSource;
  /** Public vacancy id → the association's vacancy id. */
  vacatureKeys: KeyRegistry;
  /** Resolves once `vacatureKeys` is filled (reads the vacancy list if warm-up has not succeeded). */
  vacatureKeysReady: () => Promise<unknown>;
}

type Outcome<T> = T | Error;

/** A validated record under the partner key it was asked by. */
interface Keyed<T> {
  sleutel: string;
  record: T;
}

/**
 * Looks keys up in chunks of 100, one request per chunk, and returns the outcome per partner key:
 * a valid record, a `PartnerRecordError`, or the error of the failed request. Keys the partner did
 * not return are absent.
 */
async function lookUp<T>(
  keys: readonly string[],
  source: WvSource,
  fetch: (keys: readonly string[]) => Promise<JsonApiDocument>,
  read: (document: JsonApiDocument) => Validated<Keyed<T>>,
): Promise<Map<string, Outcome<T>>> {
  const outcomes = new Map<string, Outcome<T>>();
  await Promise.all(
    chunk([...new Set(keys)], MAX_PAGE_SIZE).map(async (part) => {
      try {
        const { records, issues } = read(await fetch(part));
        for (const { sleutel, record } of records) outcomes.set(sleutel, record);
        for (const issue of issues) outcomes.set(issue.record, new PartnerRecordError(issue));
      } catch (error) {
        const unavailable = asPartnerUnavailable(error, source.bron, source.bronSysteem);
        for (const key of part) outcomes.set(key, unavailable);
      }
    }),
  );
  return outcomes;
}

export function createWvLoaders({ client, source, vacatureKeys, vacatureKeysReady }: LoaderDependencies): WerkgeversverenigingLoaders {
  const werkgever = new DataLoader<string, WvWerkgever | null>(async (kvkNummers) => {
    const outcomes = await lookUp(
      kvkNummers.filter((kvk) => /^\d{8}$/.test(kvk)),
      source,
      client.werkgeversByKvk,
      (document) => {
        const { records, issues } = readWerkgevers(document, source);
        return { records: records.map((record) => ({ sleutel: record.kvkNummer, record })), issues };
      },
    );
    return kvkNummers.map((kvk) => outcomes.get(kvk) ?? null);
  });

  const vacature = new DataLoader<string, WvVacature | null>(async (ids) => {
    try {
      await vacatureKeysReady();
    } catch (error) {
      return ids.map(() => asPartnerUnavailable(error, source.bron, source.bronSysteem));
    }
    const sleutels = ids.flatMap((id) => vacatureKeys.get(id).map((key) => key.sleutel));
    const outcomes = await lookUp(sleutels, source, client.vacaturesById, (document) => {
      const { records, issues } = readVacatures(document, source);
      return { records: records.map(({ sleutel, vacature: record }) => ({ sleutel, record })), issues };
    });
    return ids.map((id) => {
      const found = vacatureKeys.get(id).map((key) => outcomes.get(key.sleutel));
      return found.find((outcome) => outcome !== undefined && !(outcome instanceof Error)) ?? found.find((outcome) => outcome !== undefined) ?? null;
    });
  });

  return { werkgever, vacature };
}
