/**
 * Delivers a contact moment to SBB: `POST /api/v1/contactmomenten` with a camelCase body in SBB's
 * codes (kanaal BEZOEK|TELEFOON|EMAIL, status GEPLAND|UITGEVOERD) and the contact's key as
 * `Idempotency-Key`. SBB answers 201 for a new contact and 200 for a key it had, both with the
 * contact, whose `id` is SBB's reference.
 */
import { z } from 'zod';
import type { ContactKanaal, ContactStatus, LeverContact } from '../kit/contact-levering.js';
import { checkLevering, leesJsonAntwoord, nietGeconfigureerd, onleesbaarAntwoord } from '../kit/deliver-contact.js';
import type { OnderwijsClient } from './client.js';

const KANAAL: Record<ContactKanaal, string> = { BEZOEK: 'BEZOEK', TELEFOON: 'TELEFOON', MAIL: 'EMAIL' };
const STATUS: Record<ContactStatus, string> = { GEPLAND: 'GEPLAND', GEDAAN: 'UITGEVOERD' };

const Geregistreerd = z.object({ id: z.string().min(1) });

export function createOnderwijsLeverContact(client: OnderwijsClient): LeverContact {
  return async (bronSysteem, levering) => {
    const naar = { bron: 'ONDERWIJS', bronSysteem } as const;
    if (bronSysteem !== client.bronSysteem) throw nietGeconfigureerd(naar);
    const contact = checkLevering(naar, levering);
    const body = {
      kvkNummer: contact.kvkNummer,
      datum: contact.datum,
      kanaal: KANAAL[contact.kanaal],
      status: STATUS[contact.status],
      medewerker: contact.medewerker,
      onderwerp: contact.onderwerp,
      gemeente: contact.gemeenteCode,
      arbeidsmarktregio: contact.regioCode,
      organisatie: contact.organisatie,
    };
    const antwoord = await client.registreerContactmoment(body, contact.sleutel);
    if (antwoord.status !== 200 && antwoord.status !== 201) throw onleesbaarAntwoord(naar, `contactmomenten: HTTP ${antwoord.status} is neither created (201) nor known (200)`);
    const { id } = leesJsonAntwoord(naar, antwoord.data, Geregistreerd, 'contactmomenten');
    return { partnerReferentie: id, alBekend: antwoord.status === 200 };
  };
}
