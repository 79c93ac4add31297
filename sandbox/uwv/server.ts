/**
 * The UWV sandbox: a Suwinet-like SOAP/XML partner system over a generated world. Native details:
 * SOAP 1.1 envelopes, dates `YYYYMMDD`, `DatTijdWijziging` as `YYYYMMDDhhmmss` in UTC, indications
 * `J`/`N`, gemeentecodes without `GM`, pages of at most 500, errors as SOAP Faults with HTTP 500.
 * Takes contact moments with employers (`contactmoment.ts`) into its own contact inbox.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import { createContactInbox } from '../kit/contact-inbox.js';
import { startPartnerServer, type PartnerServer, type SandboxKnobs } from '../kit/partner-server.js';
import { uwvContactmomentRoute, uwvContactmomentnr } from './contactmoment.js';
import { uwvRoutes } from './routes.js';

export interface UwvSandboxOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export function startUwvSandbox(world: World, bronnen: BronnenConfig, options: UwvSandboxOptions = {}): Promise<PartnerServer> {
  const contactInbox = createContactInbox(uwvContactmomentnr);
  return startPartnerServer({
    name: 'uwv',
    routes: [...uwvRoutes(world, bronnen), uwvContactmomentRoute(contactInbox, bronnen.uwv.id)],
    contactInbox,
    port: options.port,
    host: options.host,
    knobs: options.knobs,
  });
}
