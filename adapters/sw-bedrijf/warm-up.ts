/**
 * Reads every SW-bedrijf's employee and employer lists once and fills the registries, so loaders can
 * resolve pseudonyms and KvK numbers later. A person or employer whose row is malformed but whose
 * identity is readable is registered too, so its lookup reports the bad field. A company that cannot
 * be reached is reported and skipped; the others still count.
 */
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import { forEachLimited } from '../kit/concurrency.js';
import { asPartnerUnavailable, type PartnerRecordIssue, type PartnerUnavailableError } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import type { SwBedrijfClient } from './client.js';
import { readMedewerkers, readWerkgevers } from './read-exports.js';
import type { SwRegistries } from './registries.js';

export interface WarmUpResult {
  /** Valid employee and employer records read. */
  records: number;
  /** Malformed records (left out of counts; still registered when their identity was readable). */
  issues: PartnerRecordIssue[];
  /** Companies that could not be read; their people and employers stay unknown until the next warm-up. */
  unavailable: PartnerUnavailableError[];
}

async function warmUpBedrijf(bron: RegionaleBronConfig, client: SwBedrijfClient, pseudonymize: Pseudonymize, registries: SwRegistries): Promise<Omit<WarmUpResult, 'unavailable'>> {
  const [medewerkersCsv, werkgeversCsv] = await Promise.all([client.download(bron.id, 'medewerkers'), client.download(bron.id, 'werkgevers')]);
  const medewerkers = readMedewerkers(medewerkersCsv, bron, pseudonymize);
  const werkgevers = readWerkgevers(werkgeversCsv, bron);
  for (const { identity } of medewerkers.rows) registries.medewerkers.add(identity.id, { bronSysteem: bron.id, sleutel: identity.personeelsnummer });
  for (const { identity } of werkgevers.rows) registries.werkgevers.add(identity.kvk_nummer, { bronSysteem: bron.id, sleutel: identity.kvk_nummer });
  const valid = [...medewerkers.rows, ...werkgevers.rows].filter((row) => row.rij !== null).length;
  return { records: valid, issues: [...medewerkers.issues, ...werkgevers.issues] };
}

/** Companies read at the same time: all 35 at once leaves each read waiting behind the others on a busy machine. */
const GELIJKTIJDIG = 8;

export async function warmUp(bedrijven: readonly RegionaleBronConfig[], client: SwBedrijfClient, pseudonymize: Pseudonymize, registries: SwRegistries): Promise<WarmUpResult> {
  const total: WarmUpResult = { records: 0, issues: [], unavailable: [] };
  await forEachLimited(bedrijven, GELIJKTIJDIG, async (bron) => {
    try {
      const read = await warmUpBedrijf(bron, client, pseudonymize, registries);
      total.records += read.records;
      total.issues.push(...read.issues);
    } catch (error) {
      total.unavailable.push(asPartnerUnavailable(error, 'SW_BEDRIJF', bron.id));
    }
  });
  return total;
}
