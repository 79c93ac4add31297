/**
 * Delivers a contact moment to the employer associations: a JSON:API create,
 * `POST /jsonapi/contactmomenten` with `{ data: { type: 'contactmomenten', attributes } }` in the
 * associations' vocabulary (lower-case codes, `vestigingsgemeente`), the contact's key in the
 * `Idempotency-Key` header (JSON:API has no idempotency of its own). The answer is the resource
 * document: 201 when created, 200 when the key was used before; its `data.id` is the reference.
 */
import { z } from 'zod';
import type { ContactKanaal, ContactStatus, LeverContact } from '../kit/contact-levering.js';
import { checkLevering, leesJsonAntwoord, nietGeconfigureerd, onleesbaarAntwoord } from '../kit/deliver-contact.js';
import type { WvClient } from './client.js';
import type { WvSource } from './source.js';

const TYPE = 'contactmomenten';
const KANAAL: Record<ContactKanaal, string> = { BEZOEK: 'bezoek', TELEFOON: 'telefoon', MAIL: 'mail' };
const STATUS: Record<ContactStatus, string> = { GEPLAND: 'gepland', GEDAAN: 'gedaan' };

const ResourceDocument = z.object({ data: z.object({ type: z.literal(TYPE), id: z.string().min(1) }) });

export function createWvLeverContact(client: WvClient, source: WvSource): LeverContact {
  return async (bronSysteem, levering) => {
    const naar = { bron: source.bron, bronSysteem };
    if (bronSysteem !== source.bronSysteem) throw nietGeconfigureerd(naar);
    const contact = checkLevering(naar, levering);
    const attributes = {
      kvkNummer: contact.kvkNummer,
      datum: contact.datum,
      kanaal: KANAAL[contact.kanaal],
      status: STATUS[contact.status],
      medewerker: contact.medewerker,
      onderwerp: contact.onderwerp,
      vestigingsgemeente: contact.gemeenteCode,
      arbeidsmarktregio: contact.regioCode,
      organisatie: contact.organisatie,
    };
    const antwoord = await client.registreerContactmoment({ data: { type: TYPE, attributes } }, contact.sleutel);
    if (antwoord.status !== 200 && antwoord.status !== 201) throw onleesbaarAntwoord(naar, `${TYPE}: HTTP ${antwoord.status} is neither created (201) nor known (200)`);
    const { data } = leesJsonAntwoord(naar, antwoord.data, ResourceDocument, TYPE);
    return { partnerReferentie: data.id, alBekend: antwoord.status === 200 };
  };
}
