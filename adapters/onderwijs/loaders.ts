/**
 * Batch loaders for the onderwijs subgraph, one set per GraphQL request. A batch of public ids
 * (pseudonyms, KvK numbers, vacancy ids) becomes lookups by SBB's own keys in calls of at most 25
 * (SBB's limit). Per key: the canonical record; null when SBB does not know it; a
 * `PartnerRecordError` when SBB's record is malformed; the `PartnerUnavailableError` of a failed call.
 */
import DataLoader from 'dataloader';
import { chunk } from '../kit/group-by.js';
import type { KeyRegistry } from '../kit/key-registry.js';
import { asPartnerUnavailable, PartnerRecordError, type PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { MAX_PER_VERZOEK, type OnderwijsClient, type SbbLookup } from './client.js';
import { toOnderwijsGegevens, toOnderwijsLeerbaan, toSbbLeerbedrijf } from './map.js';
import { readDeelnemers, readLeerbanen, readLeerbedrijven } from './read-records.js';
import type { OnderwijsGegevens, OnderwijsLeerbaan, SbbLeerbedrijf } from './records.js';

export interface OnderwijsLoaders {
  /** Pseudonym → the person's diplomas; null when SBB does not know the person. */
  deelnemer: DataLoader<string, OnderwijsGegevens | null>;
  /** KvK number → SBB's recognition as leerbedrijf; null when SBB does not know the employer. */
  leerbedrijf: DataLoader<string, SbbLeerbedrijf | null>;
  /** Vacancy id → the leerbaan; null when the vacancy is not an SBB leerbaan. */
  leerbaan: DataLoader<string, OnderwijsLeerbaan | null>;
}

export interface OnderwijsLoaderDeps {
  client: OnderwijsClient;
  pseudonymize: Pseudonymize;
  /** Pseudonym → deelnemernummer, filled by warmUp. */
  deelnemers: KeyRegistry;
  /** Vacancy id → leerbaan id, filled by warmUp. */
  leerbanen: KeyRegistry;
}

interface ReadAnswer<T> {
  /** Canonical records by SBB key. */
  records: Map<string, T>;
  issues: PartnerRecordIssue[];
}

interface BatchLookup<T> {
  resource: SbbLookup;
  /** SBB's key for a public id, or undefined when SBB cannot know it. */
  partnerKeyOf(publicId: string): string | undefined;
  read(raws: unknown[]): ReadAnswer<T>;
}

async function loadBatch<T>(client: OnderwijsClient, lookup: BatchLookup<T>, publicIds: readonly string[]): Promise<(T | null | Error)[]> {
  const partnerKeys = publicIds.map((id) => lookup.partnerKeyOf(id));
  const distinct = [...new Set(partnerKeys.filter((key): key is string => key !== undefined))];
  const outcomes = new Map<string, T | Error>();
  await Promise.all(
    chunk(distinct, MAX_PER_VERZOEK).map(async (keys) => {
      try {
        const { records, issues } = lookup.read(await client.lookup(lookup.resource, keys));
        for (const [key, record] of records) outcomes.set(key, record);
        for (const issue of issues) if (!outcomes.has(issue.record)) outcomes.set(issue.record, new PartnerRecordError(issue));
      } catch (error) {
        const failure = asPartnerUnavailable(error, 'ONDERWIJS', client.bronSysteem);
        for (const key of keys) outcomes.set(key, failure);
      }
    }),
  );
  return partnerKeys.map((key) => (key === undefined ? null : (outcomes.get(key) ?? null)));
}

function loader<T>(client: OnderwijsClient, lookup: BatchLookup<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>((ids) => loadBatch(client, lookup, ids));
}

export function createOnderwijsLoaders({ client, pseudonymize, deelnemers, leerbanen }: OnderwijsLoaderDeps): OnderwijsLoaders {
  const { bronSysteem } = client;
  return {
    deelnemer: loader(client, {
      resource: 'deelnemers',
      partnerKeyOf: (pseudonym) => deelnemers.get(pseudonym)[0]?.sleutel,
      read: (raws) => {
        const read = readDeelnemers(raws, bronSysteem, pseudonymize);
        return { records: new Map(read.records.map((r) => [r.payload.deelnemernummer, toOnderwijsGegevens(r.payload)])), issues: read.issues };
      },
    }),
    leerbedrijf: loader(client, {
      resource: 'leerbedrijven',
      partnerKeyOf: (kvkNummer) => (/^\d{8}$/.test(kvkNummer) ? kvkNummer : undefined),
      read: (raws) => {
        const read = readLeerbedrijven(raws, bronSysteem);
        return { records: new Map(read.records.map((r) => [r.kvkNummer, toSbbLeerbedrijf(r)])), issues: read.issues };
      },
    }),
    leerbaan: loader(client, {
      resource: 'leerbanen',
      partnerKeyOf: (vacatureId) => leerbanen.get(vacatureId)[0]?.sleutel,
      read: (raws) => {
        const read = readLeerbanen(raws, bronSysteem);
        return { records: new Map(read.records.map((r) => [r.id, toOnderwijsLeerbaan(r)])), issues: read.issues };
      },
    }),
  };
}
