/**
 * The CSV gemeenten's intake of contact moments: their systems have no API, only exports and an
 * import, `POST /imports/:bron/contactmomenten.csv`. The file is what such an import takes: `;`, a
 * header row, dates `dd-mm-jjjj`, the columns of the JSON systems' contact plus `kvk_nummer` and
 * `idempotentie_sleutel`. All or nothing; the answer is a CSV receipt per row (see
 * `sandbox/kit/csv-import.ts`). An unknown import is a 404.
 */
import { z } from 'zod';
import type { ContactInbox } from '../kit/contact-inbox.js';
import { codeVeld, datumVeld, gemeentecodeVeld, kvkVeld, regioVeld, sleutelVeld, tekstVeld } from '../kit/contact-velden.js';
import { ontvangCsvImport, type CsvImportDefinitie } from '../kit/csv-import.js';
import { SandboxHttpError, type SandboxRoute } from '../kit/partner-server.js';
import { GEMEENTE_KANALEN, GEMEENTE_STATUSSEN } from './contactmoment-api.js';
import type { GemeenteSysteem } from './store.js';

export const CONTACTMOMENT_IMPORT_KOLOMMEN = ['idempotentie_sleutel', 'kvk_nummer', 'contact_datum', 'kanaal', 'status', 'medewerker', 'onderwerp', 'gemeentecode', 'arbeidsmarktregio', 'geregistreerd_door'] as const;

const ContactmomentRij = z.object({
  idempotentie_sleutel: sleutelVeld,
  kvk_nummer: kvkVeld,
  contact_datum: datumVeld('dd-mm-jjjj'),
  kanaal: codeVeld(GEMEENTE_KANALEN),
  status: codeVeld(GEMEENTE_STATUSSEN),
  medewerker: tekstVeld(200),
  onderwerp: tekstVeld(500),
  gemeentecode: gemeentecodeVeld,
  arbeidsmarktregio: regioVeld,
  geregistreerd_door: tekstVeld(100),
});

const IMPORT: CsvImportDefinitie<z.output<typeof ContactmomentRij>> = { kolommen: CONTACTMOMENT_IMPORT_KOLOMMEN, sleutelkolom: 'idempotentie_sleutel', rij: ContactmomentRij };

export function contactmomentImportRoute(store: ReadonlyMap<string, GemeenteSysteem>, inbox: ContactInbox): SandboxRoute {
  return {
    method: 'POST',
    path: '/imports/:bron/contactmomenten.csv',
    name: 'POST /imports/*/contactmomenten.csv',
    handle: (request) => {
      const bron = request.params.bron ?? '';
      if (store.get(bron)?.formaat !== 'csv') throw new SandboxHttpError(404, `Onbekende gemeente-import: ${bron}`);
      return ontvangCsvImport(request.body, IMPORT, ({ idempotentie_sleutel, ...velden }) => inbox.receive(bron, idempotentie_sleutel, velden));
    },
  };
}
