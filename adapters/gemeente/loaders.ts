/**
 * DataLoader factories for the gemeente subgraph, one set per request. Each batch costs one call
 * per gemeente source system involved (a CSV export: one download). Keys the registry does not know
 * resolve to null (or an empty list); a malformed record to a `PartnerRecordError`; a failing system
 * to its `PartnerUnavailableError`.
 */
import DataLoader from 'dataloader';
import type { KeyRegistry } from '../kit/key-registry.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { lookupPerSystem, outcomeOf, type KeyOutcome } from './batch-lookup.js';
import type { GemeenteDossier, GemeenteWerkgeverRelatie, WspVacature } from './canonical.js';
import { toDossier, toRelatie, toWspVacature } from './map.js';
import type { GemeenteRegistries } from './registry.js';
import { KLANTEN, VACATURES, WERKGEVERS, type Resource } from './resources.js';
import type { GemeenteSource } from './source.js';

export interface GemeenteLoaders {
  /** Pseudonym → the person's gemeente file, or null when no gemeente system knows the person. */
  klant: DataLoader<string, GemeenteDossier | null>;
  /** KvK number → what every gemeente system knows of the employer (empty when none does). */
  werkgeverRelaties: DataLoader<string, GemeenteWerkgeverRelatie[]>;
  /** Public vacancy id → the WSP vacancy, or null when no gemeente system has it. */
  vacature: DataLoader<string, WspVacature | null>;
}

function isError(outcome: unknown): outcome is PartnerRecordError | PartnerUnavailableError {
  return outcome instanceof PartnerRecordError || outcome instanceof PartnerUnavailableError;
}

/** Per public id: every partner key's outcome, from one lookup per system for the whole batch. */
async function outcomesPerId<T>(ids: readonly string[], registry: KeyRegistry, sources: ReadonlyMap<string, GemeenteSource>, resource: Resource<T>) {
  const keysPerId = ids.map((id) => registry.get(id));
  const results = await lookupPerSystem(sources, resource, keysPerId.flat());
  return keysPerId.map((keys) => keys.map((key) => ({ bronSysteem: key.bronSysteem, outcome: outcomeOf(results, key) })));
}

/** One record per public id: the first valid one; else the first error; else null. */
function single<T, R>(outcomes: { bronSysteem: string; outcome: KeyOutcome<T> }[], map: (record: T, bronSysteem: string) => R): R | null | Error {
  const found = outcomes.find((o) => o.outcome !== null && !isError(o.outcome));
  if (found) return map(found.outcome as T, found.bronSysteem);
  return outcomes.map((o) => o.outcome).find(isError) ?? null;
}

export function createLoaders(registries: GemeenteRegistries, sources: ReadonlyMap<string, GemeenteSource>): GemeenteLoaders {
  return {
    klant: new DataLoader<string, GemeenteDossier | null>(async (ids) => (await outcomesPerId(ids, registries.klanten, sources, KLANTEN)).map((o) => single(o, toDossier))),
    vacature: new DataLoader<string, WspVacature | null>(async (ids) => (await outcomesPerId(ids, registries.vacatures, sources, VACATURES)).map((o) => single(o, toWspVacature))),
    werkgeverRelaties: new DataLoader<string, GemeenteWerkgeverRelatie[]>(async (kvks) =>
      (await outcomesPerId(kvks, registries.werkgevers, sources, WERKGEVERS)).map((outcomes) => {
        const error = outcomes.map((o) => o.outcome).find(isError);
        if (error) return error;
        return outcomes.flatMap(({ bronSysteem, outcome }) => (outcome === null || isError(outcome) ? [] : [toRelatie(outcome, bronSysteem)]));
      }),
    ),
  };
}
