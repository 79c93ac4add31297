/**
 * Delivers a contact moment to a gemeente source system, the way that system takes one (its
 * `formaat`): a JSON system gets `POST /api/v1/werkgevers/<kvk>/contactmomenten` with a snake_case
 * body and the key as `Idempotency-Key` (201 new, 200 known, the body's `id` its reference); a CSV
 * system gets a one-row `contactmomenten.csv` in its import (`;`, dates `dd-mm-jjjj`, the key in
 * `idempotentie_sleutel`) and answers a CSV receipt. Both use the system's own client, shared with
 * its reads.
 */
import { z } from 'zod';
import type { ContactKanaal, ContactLevering, ContactStatus, LeverContact, LeverResultaat } from '../kit/contact-levering.js';
import { checkLevering, csvImportBestand, datumDDMMJJJJ, leesJsonAntwoord, leesOntvangstbewijs, nietGeconfigureerd, onleesbaarAntwoord } from '../kit/deliver-contact.js';
import type { GemeenteBronConfig } from '../kit/bronnen.js';
import type { CsvExportClient, JsonSysteemClient } from './client.js';
import type { GemeenteSource } from './source.js';

const KANAAL: Record<ContactKanaal, string> = { BEZOEK: 'bezoek', TELEFOON: 'telefoon', MAIL: 'e-mail' };
const STATUS: Record<ContactStatus, string> = { GEPLAND: 'gepland', GEDAAN: 'afgerond' };

export const CONTACTMOMENT_IMPORT_KOLOMMEN = ['idempotentie_sleutel', 'kvk_nummer', 'contact_datum', 'kanaal', 'status', 'medewerker', 'onderwerp', 'gemeentecode', 'arbeidsmarktregio', 'geregistreerd_door'] as const;

/** The contact as the gemeente systems name its fields (dates still ISO). */
function gemeenteVelden(levering: ContactLevering): Record<string, string> {
  return {
    contact_datum: levering.datum,
    kanaal: KANAAL[levering.kanaal],
    status: STATUS[levering.status],
    medewerker: levering.medewerker,
    onderwerp: levering.onderwerp,
    gemeentecode: levering.gemeenteCode,
    arbeidsmarktregio: levering.regioCode,
    geregistreerd_door: levering.organisatie,
  };
}

const Geregistreerd = z.object({ id: z.string().min(1) });

export async function leverViaApi(bron: GemeenteBronConfig, client: JsonSysteemClient, levering: ContactLevering): Promise<LeverResultaat> {
  const naar = { bron: 'GEMEENTE', bronSysteem: bron.id } as const;
  const contact = checkLevering(naar, levering);
  const antwoord = await client.registreerContactmoment(contact.kvkNummer, gemeenteVelden(contact), contact.sleutel);
  if (antwoord.status !== 200 && antwoord.status !== 201) throw onleesbaarAntwoord(naar, `contactmomenten: HTTP ${antwoord.status} is neither created (201) nor known (200)`);
  const { id } = leesJsonAntwoord(naar, antwoord.data, Geregistreerd, 'contactmomenten');
  return { partnerReferentie: id, alBekend: antwoord.status === 200 };
}

export async function leverViaImport(bron: GemeenteBronConfig, client: CsvExportClient, levering: ContactLevering): Promise<LeverResultaat> {
  const naar = { bron: 'GEMEENTE', bronSysteem: bron.id } as const;
  const contact = checkLevering(naar, levering);
  const velden = gemeenteVelden(contact);
  const rij = { ...velden, idempotentie_sleutel: contact.sleutel, kvk_nummer: contact.kvkNummer, contact_datum: datumDDMMJJJJ(contact.datum) };
  const bewijs = await client.importeer('contactmomenten', csvImportBestand(CONTACTMOMENT_IMPORT_KOLOMMEN, [rij]));
  return leesOntvangstbewijs(bewijs, { ...naar, bestand: 'contactmomenten.csv', sleutelkolom: 'idempotentie_sleutel' }, contact.sleutel);
}

/** The adapter's `leverContact`: the source system's own way of taking a contact. */
export function createGemeenteLeverContact(sources: ReadonlyMap<string, GemeenteSource>): LeverContact {
  return async (bronSysteem, levering) => {
    const source = sources.get(bronSysteem);
    if (!source) throw nietGeconfigureerd({ bron: 'GEMEENTE', bronSysteem });
    return source.leverContact(levering);
  };
}
