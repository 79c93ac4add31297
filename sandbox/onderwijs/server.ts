/**
 * The SBB/ROC sandbox server: the onderwijs slice of a world over real HTTP, JSON REST with cursor
 * paging (see routes.ts), taking contact moments at `POST /api/v1/contactmomenten` (contactmoment.ts).
 * `sandbox/serve.ts` runs it with the other partners.
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import { createContactInbox } from '../kit/contact-inbox.js';
import { startPartnerServer, type PartnerServer, type SandboxKnobs } from '../kit/partner-server.js';
import { sbbContactReferentie, sbbContactmomentRoute } from './contactmoment.js';
import { onderwijsRoutes } from './routes.js';

export interface OnderwijsSandboxOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export function startOnderwijsSandbox(world: World, bronnen: BronnenConfig, options: OnderwijsSandboxOptions = {}): Promise<PartnerServer> {
  const contactInbox = createContactInbox(sbbContactReferentie);
  return startPartnerServer({
    name: bronnen.onderwijs.id,
    routes: [...onderwijsRoutes(world), sbbContactmomentRoute(contactInbox, bronnen.onderwijs.id)],
    contactInbox,
    port: options.port,
    host: options.host,
    knobs: options.knobs,
  });
}

