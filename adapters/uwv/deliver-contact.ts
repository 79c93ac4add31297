/**
 * Delivers a contact moment to UWV: the SOAP operation `RegistreerContactmoment` of
 * `WerkgeverContactmomentService`, with Suwinet-style elements (`DatContact` as `YYYYMMDD`,
 * gemeentecode without `GM`, UWV's codes for kanaal and status) and the contact's idempotency key
 * as `IdempotentieSleutel`. UWV answers its `Contactmomentnr` and `IndAlGeregistreerd` (`J` when it
 * had the key already). A `soapenv:Client` Fault means UWV refused the contact itself: trying again
 * will not help, so it is not retryable; a `Server` Fault is.
 */
import { z } from 'zod';
import type { ContactKanaal, ContactLevering, ContactStatus, LeverContact } from '../kit/contact-levering.js';
import { checkLevering, nietGeconfigureerd, onleesbaarAntwoord, type Bestemming } from '../kit/deliver-contact.js';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import type { UwvClient } from './client.js';
import { leesSoapAntwoord, leesSoapFault } from './soap-response.js';

export const UWV_CONTACTMOMENT_DIENST = { pad: '/suwi/contactmoment/WerkgeverContactmomentService', operatie: 'RegistreerContactmoment' } as const;

const CD_KANAAL: Record<ContactKanaal, string> = { BEZOEK: 'B', TELEFOON: 'T', MAIL: 'E' };
const CD_STATUS: Record<ContactStatus, string> = { GEPLAND: 'G', GEDAAN: 'U' };

const Antwoord = z.object({
  Contactmomentnr: z.string().min(1),
  IndAlGeregistreerd: z.enum(['J', 'N']),
});

/** The request's elements, in the order of UWV's message definition. */
export function registreerContactmomentElementen(levering: ContactLevering): [string, string][] {
  return [
    ['IdempotentieSleutel', levering.sleutel],
    ['KvKnr', levering.kvkNummer],
    ['Gemeentecode', levering.gemeenteCode.replace(/^GM/, '')],
    ['Arbeidsmarktregio', levering.regioCode],
    ['DatContact', levering.datum.replace(/-/g, '')],
    ['CdKanaal', CD_KANAAL[levering.kanaal]],
    ['CdStatus', CD_STATUS[levering.status]],
    ['NaamMedewerker', levering.medewerker],
    ['Onderwerp', levering.onderwerp],
    ['Organisatie', levering.organisatie],
  ];
}

export function createUwvLeverContact(client: UwvClient): LeverContact {
  return async (bronSysteem, levering) => {
    const naar: Bestemming = { bron: 'UWV', bronSysteem };
    if (bronSysteem !== client.bronSysteem) throw nietGeconfigureerd(naar);
    const contact = checkLevering(naar, levering);
    const { pad, operatie } = UWV_CONTACTMOMENT_DIENST;
    const xml = await client.verstuur(pad, operatie, registreerContactmomentElementen(contact));
    const fault = leesSoapFault(xml);
    if (fault?.code === 'Client') throw new PartnerUnavailableError('UWV', bronSysteem, 'FOUT', { detail: `${operatie}: UWV refused the contact: SOAP Fault Client: ${fault.tekst}` });
    const parsed = Antwoord.safeParse(leesSoapAntwoord(xml, `${operatie}Response`, bronSysteem));
    if (!parsed.success) throw onleesbaarAntwoord(naar, `${operatie}Response lacks a valid ${parsed.error.issues[0]?.path.join('.') ?? 'element'}`);
    return { partnerReferentie: parsed.data.Contactmomentnr, alBekend: parsed.data.IndAlGeregistreerd === 'J' };
  };
}
