/**
 * The SW-bedrijven sandbox: one HTTP server playing every region's SW-bedrijf, serving each company's
 * Excel-style CSV exports rendered from the world (default port 4104, `SW_BEDRIJF_BRON_URL`), and
 * taking contact moments through each company's CSV import (`contactmoment-import.ts`).
 */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { World } from '../generator/world-types.js';
import { createContactInbox } from '../kit/contact-inbox.js';
import { startPartnerServer, type PartnerServer, type SandboxKnobs } from '../kit/partner-server.js';
import { swContactReferentie, swContactmomentImportRoute } from './contactmoment-import.js';
import { exportsPerBedrijf } from './exports-per-bedrijf.js';
import { swBedrijfRoutes } from './routes.js';

export interface SwBedrijfSandboxOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export async function startSwBedrijfSandbox(world: World, bronnen: BronnenConfig, options: SwBedrijfSandboxOptions = {}): Promise<PartnerServer> {
  const exports = exportsPerBedrijf(world, bronnen);
  const contactInbox = createContactInbox(swContactReferentie);
  return startPartnerServer({
    name: 'sw-bedrijf',
    routes: [...swBedrijfRoutes(exports), swContactmomentImportRoute(new Set(exports.keys()), contactInbox)],
    contactInbox,
    ...options,
  });
}
