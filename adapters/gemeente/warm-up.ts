/**
 * Reads the client, employer and vacancy lists of every gemeente system once and fills the key
 * registries, so the loaders can resolve pseudonyms, KvK numbers and vacancy ids. A system that
 * fails is reported in `unavailable` and skipped; the others still warm up.
 */
import { PartnerUnavailableError, type PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { forEachLimited } from '../kit/concurrency.js';
import { validateFor } from './read-records.js';
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
      result.unavailable.push(error instanceof PartnerUnavailableError ? error : new PartnerUnavailableError('GEMEENTE', source.bron.id, String(error), { cause: error }));
    }
  });
  return result;
}

async function warmUpSource(source: GemeenteSource, registries: GemeenteRegistries, pseudonymize: Pseudonymize, result: WarmUpResult): Promise<void> {
  const id = source.bron.id;
  await warmUpList(source, KLANTEN, (raws) => registerKlanten(registries.klanten, id, raws, pseudonymize), result);
  await warmUpList(source, WERKGEVERS, (raws) => registerWerkgevers(registries.werkgevers, id, raws), result);
  await warmUpList(source, VACATURES, (raws) => registerVacatures(registries.vacatures, id, raws), result);
}

/** Registers the identities of every page, then validates the full records for the report. */
async function warmUpList<T>(source: GemeenteSource, resource: Resource<T>, register: (raws: unknown[]) => void, result: WarmUpResult): Promise<void> {
  for await (const raws of source.pages(resource)) {
    register(raws);
    const { records, issues } = validateFor(source, resource, raws);
    result.records += records.length;
    result.issues.push(...issues);
  }
}
