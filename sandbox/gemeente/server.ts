/**
 * The gemeente sandbox: one HTTP server playing every configured gemeente source system, the JSON
 * systems under `/systemen/<id>/api/v1/…` and the CSV exports under `/exports/<id>/….csv`. Contact
 * moments come in through the JSON systems' API (`contactmoment-api.ts`) or the CSV systems' import
 * (`contactmoment-import.ts`), into one contact inbox keyed by system. `sandbox/serve.ts` runs it
 * with the other partners.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import { createContactInbox } from '../kit/contact-inbox.js';
import { startPartnerServer, type PartnerServer, type SandboxKnobs } from '../kit/partner-server.js';
import { contactmomentApiRoute, gemeenteContactReferentie } from './contactmoment-api.js';
import { contactmomentImportRoute } from './contactmoment-import.js';
import { csvRoutes } from './csv-routes.js';
import { jsonRoutes } from './json-routes.js';
import { buildGemeenteStore } from './store.js';

export interface GemeenteSandboxOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export async function startGemeenteSandbox(world: World, bronnen: BronnenConfig, options: GemeenteSandboxOptions = {}): Promise<PartnerServer> {
  const store = buildGemeenteStore(world, bronnen);
  const contactInbox = createContactInbox(gemeenteContactReferentie);
  return startPartnerServer({
    name: 'gemeente',
    routes: [...jsonRoutes(store), ...csvRoutes(store), contactmomentApiRoute(store, contactInbox), contactmomentImportRoute(store, contactInbox)],
    contactInbox,
    port: options.port,
    host: options.host,
    knobs: options.knobs,
  });
}

