/**
 * UWV's intake of contact moments with employers: the SOAP 1.1 operation `RegistreerContactmoment`
 * of `WerkgeverContactmomentService` (`POST /suwi/contactmoment/WerkgeverContactmomentService`).
 * Suwinet-style elements: `IdempotentieSleutel`, `KvKnr`, `Gemeentecode` (four digits, no `GM`),
 * `Arbeidsmarktregio`, `DatContact` (`YYYYMMDD`), `CdKanaal` (`B` bezoek, `T` telefoon, `E` e-mail),
 * `CdStatus` (`G` gepland, `U` uitgevoerd), `NaamMedewerker`, `Onderwerp`, `Organisatie`. The answer
 * `RegistreerContactmomentResponse` holds UWV's `Contactmomentnr` and `IndAlGeregistreerd` (`J` when
 * the key was registered before; the first registration stands). A bad request gets a
 * `soapenv:Client` Fault (HTTP 500) naming the element.
 */
import { z } from 'zod';
import type { ContactInbox } from '../kit/contact-inbox.js';
import { codeVeld, datumVeld, eersteVeldFout, kvkVeld, regioVeld, sleutelVeld, tekstVeld } from '../kit/contact-velden.js';
import type { SandboxResponse, SandboxRoute } from '../kit/partner-server.js';
import { indicatie } from './formats.js';
import { SoapClientError, parseSoapRequest } from './request.js';
import { element, group, soapFault, soapResponse } from './xml.js';

export const CONTACTMOMENT_SERVICE = 'WerkgeverContactmomentService';
export const CONTACTMOMENT_PAD = `/suwi/contactmoment/${CONTACTMOMENT_SERVICE}`;
const OPERATIE = 'RegistreerContactmoment';

/** UWV's contact number: `CM` and ten digits. */
export const uwvContactmomentnr = (volgnummer: number): string => `CM${String(volgnummer).padStart(10, '0')}`;

const RegistreerContactmoment = z.object({
  IdempotentieSleutel: sleutelVeld,
  KvKnr: kvkVeld,
  Gemeentecode: z.string({ error: 'ontbreekt' }).regex(/^\d{4}$/, 'is geen gemeentecode van 4 cijfers'),
  Arbeidsmarktregio: regioVeld,
  DatContact: datumVeld('JJJJMMDD'),
  CdKanaal: codeVeld(['B', 'T', 'E']),
  CdStatus: codeVeld(['G', 'U']),
  NaamMedewerker: tekstVeld(200),
  Onderwerp: tekstVeld(500),
  Organisatie: tekstVeld(100),
});

export function uwvContactmomentRoute(inbox: ContactInbox, bronSysteem: string): SandboxRoute {
  return {
    method: 'POST',
    path: CONTACTMOMENT_PAD,
    name: CONTACTMOMENT_SERVICE,
    handle: (request) => {
      try {
        return registreer(inbox, bronSysteem, request.body);
      } catch (error) {
        if (error instanceof SoapClientError) return soapFault('Client', error.message);
        throw error;
      }
    },
  };
}

function registreer(inbox: ContactInbox, bronSysteem: string, body: string): SandboxResponse {
  const operation = parseSoapRequest(body);
  if (operation.name !== OPERATIE) throw new SoapClientError(`Onbekende operatie ${operation.name} voor ${CONTACTMOMENT_SERVICE}`);
  const parsed = RegistreerContactmoment.safeParse(operation.content);
  if (!parsed.success) {
    const fout = eersteVeldFout(parsed.error);
    throw new SoapClientError(`${fout.veld} ${fout.melding}`);
  }
  const { IdempotentieSleutel, ...velden } = parsed.data;
  const ontvangst = inbox.receive(bronSysteem, IdempotentieSleutel, velden);
  return soapResponse(group(`${OPERATIE}Response`, element('Contactmomentnr', ontvangst.referentie) + element('IndAlGeregistreerd', indicatie(!ontvangst.nieuw))));
}
