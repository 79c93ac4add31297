/**
 * The JSON gemeente systems' intake of contact moments with employers:
 * `POST /systemen/:bron/api/v1/werkgevers/:kvk/contactmomenten` with a snake_case JSON body
 * (`contact_datum` `JJJJ-MM-DD`, `kanaal` bezoek|telefoon|e-mail, `status` gepland|afgerond,
 * `medewerker`, `onderwerp`, `gemeentecode`, `arbeidsmarktregio`, `geregistreerd_door`) and the
 * contact's key in the `Idempotency-Key` header. Answers 201 with the stored contact (its `id` the
 * system's reference), or 200 with the same body when the key was used before; a bad request is a 400
 * problem+json whose `invalidParams` name the field; an unknown system a 404.
 */
import { z } from 'zod';
import type { ContactInbox } from '../kit/contact-inbox.js';
import { codeVeld, datumVeld, eersteVeldFout, gemeentecodeVeld, kvkVeld, leesJsonContact, ongeldigVerzoek, regioVeld, tekstVeld, type VeldFout } from '../kit/contact-velden.js';
import { SandboxHttpError, type SandboxRequest, type SandboxRoute } from '../kit/partner-server.js';
import type { GemeenteSysteem } from './store.js';

export const GEMEENTE_KANALEN = ['bezoek', 'telefoon', 'e-mail'] as const;
export const GEMEENTE_STATUSSEN = ['gepland', 'afgerond'] as const;

/** The gemeente systems' reference of a contact moment. */
export const gemeenteContactReferentie = (volgnummer: number): string => `CM-${String(volgnummer).padStart(6, '0')}`;

export const ContactmomentBody = z.object({
  contact_datum: datumVeld('JJJJ-MM-DD'),
  kanaal: codeVeld(GEMEENTE_KANALEN),
  status: codeVeld(GEMEENTE_STATUSSEN),
  medewerker: tekstVeld(200),
  onderwerp: tekstVeld(500),
  gemeentecode: gemeentecodeVeld,
  arbeidsmarktregio: regioVeld,
  geregistreerd_door: tekstVeld(100),
});

export function contactmomentApiRoute(store: ReadonlyMap<string, GemeenteSysteem>, inbox: ContactInbox): SandboxRoute {
  return {
    method: 'POST',
    path: '/systemen/:bron/api/v1/werkgevers/:kvk/contactmomenten',
    name: 'POST /systemen/*/api/v1/werkgevers/*/contactmomenten',
    handle: (request) => {
      const bron = request.params.bron ?? '';
      if (store.get(bron)?.formaat !== 'json') throw new SandboxHttpError(404, `Onbekend gemeentesysteem: ${bron}`);
      const gelezen = leesVerzoek(request);
      if ('veld' in gelezen) return ongeldigVerzoek(gelezen);
      const ontvangst = inbox.receive(bron, gelezen.sleutel, gelezen.velden);
      const id = ontvangst.referentie;
      return {
        status: ontvangst.nieuw ? 201 : 200,
        contentType: 'application/json; charset=utf-8',
        headers: { location: `/systemen/${bron}/api/v1/werkgevers/${ontvangst.velden.kvk_nummer ?? ''}/contactmomenten/${id}` },
        body: JSON.stringify({ id, ...ontvangst.velden }),
      };
    },
  };
}

function leesVerzoek(request: SandboxRequest): { sleutel: string; velden: Record<string, string> } | VeldFout {
  const kvk = kvkVeld.safeParse(request.params.kvk);
  if (!kvk.success) return { veld: 'kvk_nummer', melding: eersteVeldFout(kvk.error).melding };
  const gelezen = leesJsonContact(request, ContactmomentBody);
  return 'veld' in gelezen ? gelezen : { sleutel: gelezen.sleutel, velden: { kvk_nummer: kvk.data, ...gelezen.body } };
}
