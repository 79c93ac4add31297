/**
 * Delivers a contact moment to an SW-bedrijf: a one-row `contactmomenten.csv` posted to the company's
 * import (`/import/contactmomenten.csv`), in the Excel style of its exports (`;`, BOM, CRLF, dates
 * `dd-mm-jjjj`), the contact's key in `importsleutel`. The company answers a CSV receipt with its
 * reference and whether the key was imported before. Goes through the company's own client, shared
 * with the reads of its exports.
 */
import type { ContactKanaal, ContactStatus, LeverContact } from '../kit/contact-levering.js';
import { checkLevering, csvImportBestand, datumDDMMJJJJ, leesOntvangstbewijs, nietGeconfigureerd } from '../kit/deliver-contact.js';
import type { SwBedrijfClient } from './client.js';

export const CONTACTMOMENT_IMPORT_KOLOMMEN = ['importsleutel', 'kvk_nummer', 'datum_contact', 'contactvorm', 'status', 'accountmanager', 'onderwerp', 'gemeentecode', 'regio', 'organisatie'] as const;

const CONTACTVORM: Record<ContactKanaal, string> = { BEZOEK: 'bezoek', TELEFOON: 'telefoon', MAIL: 'e-mail' };
const STATUS: Record<ContactStatus, string> = { GEPLAND: 'gepland', GEDAAN: 'uitgevoerd' };

export function createSwBedrijfLeverContact(bedrijven: ReadonlySet<string>, client: SwBedrijfClient): LeverContact {
  return async (bronSysteem, levering) => {
    const naar = { bron: 'SW_BEDRIJF', bronSysteem } as const;
    if (!bedrijven.has(bronSysteem)) throw nietGeconfigureerd(naar);
    const contact = checkLevering(naar, levering);
    const rij = {
      importsleutel: contact.sleutel,
      kvk_nummer: contact.kvkNummer,
      datum_contact: datumDDMMJJJJ(contact.datum),
      contactvorm: CONTACTVORM[contact.kanaal],
      status: STATUS[contact.status],
      accountmanager: contact.medewerker,
      onderwerp: contact.onderwerp,
      gemeentecode: contact.gemeenteCode,
      regio: contact.regioCode,
      organisatie: contact.organisatie,
    };
    const bewijs = await client.importeer(bronSysteem, 'contactmomenten', csvImportBestand(CONTACTMOMENT_IMPORT_KOLOMMEN, [rij]));
    return leesOntvangstbewijs(bewijs, { ...naar, bestand: 'contactmomenten.csv', sleutelkolom: 'importsleutel' }, contact.sleutel);
  };
}
