/**
 * The adapter's warm-up: reads UWV's klanten and vacatures once and registers pseudonym → Klantnr
 * and vacancy id → Vacaturenr. Identity is validated before the full record, so a klant with a
 * malformed field is still registered and a later lookup reports that field instead of null.
 * Employers need no registry: UWV looks them up by KvK number.
 */
import type { KeyRegistry } from '../kit/key-registry.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import type { UwvClient } from './client.js';
import { allePaginas } from './pages.js';
import { leesKlantIdentiteiten, leesVacatureIdentiteiten, type GelezenIdentiteiten } from './read-records.js';

export interface WarmUpDependencies {
  client: UwvClient;
  pseudonymize: Pseudonymize;
  klanten: KeyRegistry;
  vacatures: KeyRegistry;
}

export async function warmUpUwv({ client, pseudonymize, klanten, vacatures }: WarmUpDependencies): Promise<{ records: number; issues: PartnerRecordIssue[] }> {
  const bronSysteem = client.bronSysteem;
  let records = 0;
  const issues: PartnerRecordIssue[] = [];
  const register = (registry: KeyRegistry, gelezen: GelezenIdentiteiten) => {
    for (const { publiekId, sleutel } of gelezen.identiteiten) registry.add(publiekId, { bronSysteem, sleutel });
    records += gelezen.geldig;
    issues.push(...gelezen.issues);
  };
  for await (const raws of allePaginas(client, 'klanten')) register(klanten, leesKlantIdentiteiten(raws, bronSysteem, pseudonymize));
  for await (const raws of allePaginas(client, 'vacatures')) register(vacatures, leesVacatureIdentiteiten(raws, bronSysteem));
  return { records, issues };
}
