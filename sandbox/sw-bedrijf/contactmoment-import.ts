/**
 * The SW-bedrijven's intake of contact moments: an import beside their exports,
 * `POST /bedrijven/:bron/import/contactmomenten.csv`, in the same Excel style (`;`, a header row, a
 * byte-order mark allowed, dates `dd-mm-jjjj`). Columns: `importsleutel` (the idempotency key),
 * `kvk_nummer`, `datum_contact`, `contactvorm` (bezoek|telefoon|e-mail), `status`
 * (gepland|uitgevoerd), `accountmanager`, `onderwerp`, `gemeentecode`, `regio`, `organisatie`. All or
 * nothing; the answer is a CSV receipt per row (see `sandbox/kit/csv-import.ts`). An unknown company
 * is a 404.
 */
import { z } from 'zod';
import type { ContactInbox } from '../kit/contact-inbox.js';
import { codeVeld, datumVeld, gemeentecodeVeld, kvkVeld, regioVeld, sleutelVeld, tekstVeld } from '../kit/contact-velden.js';
import { ontvangCsvImport, type CsvImportDefinitie } from '../kit/csv-import.js';
import { SandboxHttpError, type SandboxRoute } from '../kit/partner-server.js';

export const CONTACTMOMENT_IMPORT_KOLOMMEN = ['importsleutel', 'kvk_nummer', 'datum_contact', 'contactvorm', 'status', 'accountmanager', 'onderwerp', 'gemeentecode', 'regio', 'organisatie'] as const;

/** An SW-bedrijf's reference of a contact moment, e.g. `sw-am36-cm-00001`. */
export const swContactReferentie = (volgnummer: number, bronSysteem: string): string => `${bronSysteem}-cm-${String(volgnummer).padStart(5, '0')}`;

const ContactmomentRij = z.object({
  importsleutel: sleutelVeld,
  kvk_nummer: kvkVeld,
  datum_contact: datumVeld('dd-mm-jjjj'),
  contactvorm: codeVeld(['bezoek', 'telefoon', 'e-mail']),
  status: codeVeld(['gepland', 'uitgevoerd']),
  accountmanager: tekstVeld(200),
  onderwerp: tekstVeld(500),
  gemeentecode: gemeentecodeVeld,
  regio: regioVeld,
  organisatie: tekstVeld(100),
});

const IMPORT: CsvImportDefinitie<z.output<typeof ContactmomentRij>> = { kolommen: CONTACTMOMENT_IMPORT_KOLOMMEN, sleutelkolom: 'importsleutel', rij: ContactmomentRij };

export function swContactmomentImportRoute(bedrijven: ReadonlySet<string>, inbox: ContactInbox): SandboxRoute {
  return {
    method: 'POST',
    path: '/bedrijven/:bron/import/contactmomenten.csv',
    name: 'import contactmomenten.csv',
    handle: (request) => {
      const bron = request.params.bron ?? '';
      if (!bedrijven.has(bron)) throw new SandboxHttpError(404, `Unknown SW-bedrijf: ${bron}`);
      return ontvangCsvImport(request.body, IMPORT, ({ importsleutel, ...velden }) => inbox.receive(bron, importsleutel, velden));
    },
  };
}
