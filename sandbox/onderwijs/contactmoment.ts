/**
 * SBB's intake of contact moments with (leer)bedrijven: `POST /api/v1/contactmomenten`, camelCase
 * JSON like SBB's other resources (`kvkNummer`, `datum` `YYYY-MM-DD`, `kanaal` BEZOEK|TELEFOON|EMAIL,
 * `status` GEPLAND|UITGEVOERD, `medewerker`, `onderwerp`, `gemeente` (CBS code), `arbeidsmarktregio`,
 * `organisatie`) with the contact's key in the `Idempotency-Key` header. Answers 201 with the stored
 * contact (`id` SBB's reference), or 200 with the same body when the key was used before; a bad
 * request is a 400 problem+json whose `invalidParams` name the field.
 */
import { z } from 'zod';
import type { ContactInbox } from '../kit/contact-inbox.js';
import { codeVeld, datumVeld, gemeentecodeVeld, kvkVeld, leesJsonContact, ongeldigVerzoek, regioVeld, tekstVeld } from '../kit/contact-velden.js';
import type { SandboxRoute } from '../kit/partner-server.js';

/** SBB's reference of a contact moment. */
export const sbbContactReferentie = (volgnummer: number): string => `sbb-cm-${String(volgnummer).padStart(6, '0')}`;

const Contactmoment = z.object({
  kvkNummer: kvkVeld,
  datum: datumVeld('JJJJ-MM-DD'),
  kanaal: codeVeld(['BEZOEK', 'TELEFOON', 'EMAIL']),
  status: codeVeld(['GEPLAND', 'UITGEVOERD']),
  medewerker: tekstVeld(200),
  onderwerp: tekstVeld(500),
  gemeente: gemeentecodeVeld,
  arbeidsmarktregio: regioVeld,
  organisatie: tekstVeld(100),
});

export function sbbContactmomentRoute(inbox: ContactInbox, bronSysteem: string): SandboxRoute {
  return {
    method: 'POST',
    path: '/api/v1/contactmomenten',
    name: 'contactmomenten',
    handle: (request) => {
      const gelezen = leesJsonContact(request, Contactmoment);
      if ('veld' in gelezen) return ongeldigVerzoek(gelezen);
      const ontvangst = inbox.receive(bronSysteem, gelezen.sleutel, gelezen.body);
      return {
        status: ontvangst.nieuw ? 201 : 200,
        contentType: 'application/json',
        headers: { location: `/api/v1/contactmomenten/${ontvangst.referentie}` },
        body: JSON.stringify({ id: ontvangst.referentie, ...ontvangst.velden }),
      };
    },
  };
}
