/**
 * The werkgeversvereniging sandbox: employer associations and O&O funds as one JSON:API service
 * (default port 4106, `WERKGEVERSVERENIGING_BRON_URL`), filled from the seeded world, creating
 * contact moments at `POST /jsonapi/contactmomenten` (contactmoment.ts).
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import { createContactInbox } from '../kit/contact-inbox.js';
import { type PartnerServer, type SandboxKnobs, startPartnerServer } from '../kit/partner-server.js';
import { wvContactId, wvContactmomentRoute } from './contactmoment.js';
import { createWerkgeversverenigingRoutes } from './routes.js';

export const WERKGEVERSVERENIGING_SANDBOX_PORT = 4106;

export interface WerkgeversverenigingSandboxOptions {
  /** 0 picks a free port; default 4106. */
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export function startWerkgeversverenigingSandbox(world: World, bronnen: BronnenConfig, options: WerkgeversverenigingSandboxOptions = {}): Promise<PartnerServer> {
  const contactInbox = createContactInbox(wvContactId);
  return startPartnerServer({
    name: 'werkgeversvereniging',
    routes: [...createWerkgeversverenigingRoutes(world, bronnen), wvContactmomentRoute(contactInbox, bronnen.werkgeversvereniging.id)],
    contactInbox,
    port: options.port ?? WERKGEVERSVERENIGING_SANDBOX_PORT,
    host: options.host,
    knobs: options.knobs,
  });
}
