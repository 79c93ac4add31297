/**
 * Reads the client, employer and vacancy lists of every gemeente system once and fills the key
 * registries, so the loaders can resolve pseudonyms, KvK numbers and vacancy ids. A system that
 * fails is reported in `unavailable` and skipped; the others still warm up.
 */
import type { z } from 'zod';
import { asPartnerUnavailable, type PartnerRecordIssue, type PartnerUnavailableError } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { forEachLimited } from '../kit/concurrency.js';
import { KlantIdentiteit, VacatureIdentiteit, WerkgeverIdentiteit } from './payload-schemas.js';
import { validateIdentifiedFor } from './read-records.js';
import { registerKlanten, registerVacatures, registerWerkgevers, type GemeenteRegistries } from './registry.js';
import { KLANTEN, VACATURES, WERKGEVERS, type Resource } from './resources.js';
import type { GemeenteSource } from './source.js';

export interface WarmUpResult {
  /** Valid records read. */
  records: number;
  /** Malformed records (their keys are registered when readable). */
  issues: PartnerRecordIssue[];
  /** Systems that could not be read; their people, employers and vacancies resolve to null. */
  unavailable: PartnerUnavailableError[];
}

/** Systems read at the same time. */
const GELIJKTIJDIG = 8;

export async function warmUp(sources: readonly GemeenteSource[], registries: GemeenteRegistries, pseudonymize: Pseudonymize): Promise<WarmUpResult> {
  const result: WarmUpResult = { records: 0, issues: [], unavailable: [] };
  await forEachLimited(sources, GELIJKTIJDIG, async (source) => {
    try {
      await warmUpSource(source, registries, pseudonymize, result);
    } catch (error) {
      result.unavailable.push(asPartnerUnavailable(error, 'GEMEENTE', source.bron.id));
    }
  });
  return result;
}

async function warmUpSource(source: GemeenteSource, registries: GemeenteRegistries, pseudonymize: Pseudonymize, result: WarmUpResult): Promise<void> {
  const id = source.bron.id;
  await warmUpList(source, KLANTEN, KlantIdentiteit, (identiteiten) => registerKlanten(registries.klanten, id, identiteiten, pseudonymize), result);
  await warmUpList(source, WERKGEVERS, WerkgeverIdentiteit, (identiteiten) => registerWerkgevers(registries.werkgevers, id, identiteiten), result);
  await warmUpList(source, VACATURES, VacatureIdentiteit, (identiteiten) => registerVacatures(registries.vacatures, id, identiteiten), result);
}

/** Reads every page identity first: registers each readable identity, counts the valid records and reports the bad ones. */
async function warmUpList<I, T>(source: GemeenteSource, resource: Resource<T>, identity: z.ZodType<I>, register: (identiteiten: I[]) => void, result: WarmUpResult): Promise<void> {
  for await (const raws of source.pages(resource)) {
    const { rows, issues } = validateIdentifiedFor(source, resource, identity, raws);
    register(rows.map((row) => row.identity));
    result.records += rows.filter((row) => row.record !== null).length;
    result.issues.push(...issues);
  }
}
