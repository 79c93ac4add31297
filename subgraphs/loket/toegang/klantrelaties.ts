/**
 * Which organisations have a person as their client, from the loket index's per-source rows: the
 * gemeente of a gemeente dossier (its CBS code, `GM0363`), `UWV` for a UWV dossier, and the
 * SW-bedrijf's source system id (`sw-am36`) for an SW dienstverband. These ids are what access
 * tokens carry in the `organisatie` claim. Onderwijs (SBB) records diplomas; it has no clients.
 */
import type { Database } from '../../kit/store/database.js';

export interface Klantrelaties {
  regioCode: string;
  organisaties: string[];
}

/** The organisation a per-source index row makes the person a client of; none for onderwijs. */
export function klantOrganisatie(bron: string, bronSysteem: string, gemeenteCode: string): string | undefined {
  if (bron === 'GEMEENTE') return gemeenteCode;
  if (bron === 'UWV') return 'UWV';
  if (bron === 'SW_BEDRIJF') return bronSysteem;
  return undefined;
}

export async function klantrelaties(db: Database, kandidaatIds: readonly string[]): Promise<Map<string, Klantrelaties>> {
  const rows = await db.query<{ id: string; regio_code: string; bron: string; bron_systeem: string; gemeente_code: string }>(
    'SELECT id, regio_code, bron, bron_systeem, gemeente_code FROM kandidaat_bron WHERE id = ANY($1)',
    [kandidaatIds],
  );
  const relaties = new Map<string, Klantrelaties>();
  for (const row of rows) {
    const relatie = relaties.get(row.id) ?? { regioCode: row.regio_code, organisaties: [] };
    const organisatie = klantOrganisatie(row.bron, row.bron_systeem, row.gemeente_code);
    if (organisatie && !relatie.organisaties.includes(organisatie)) relatie.organisaties.push(organisatie);
    relaties.set(row.id, relatie);
  }
  return relaties;
}
