/**
 * The gemeente sandbox: one HTTP server playing every configured gemeente source system, the JSON
 * systems under `/systemen/<id>/api/v1/…` and the CSV exports under `/exports/<id>/….csv`.
 * Run directly (`npx tsx sandbox/gemeente/server.ts`) it serves the demo world on port 4102 (env
 * `PORT` overrides).
 */
import { pathToFileURL } from 'node:url';
import { loadBronnen, type BronnenConfig } from '../../adapters/kit/bronnen.js';
import { generateWorld } from '../generator/world.js';
import type { World } from '../generator/world-types.js';
import { startPartnerServer, type PartnerServer, type SandboxKnobs } from '../kit/partner-server.js';
import { csvRoutes } from './csv-routes.js';
import { jsonRoutes } from './json-routes.js';
import { buildGemeenteStore } from './store.js';

export const GEMEENTE_SANDBOX_PORT = 4102;

export interface GemeenteSandboxOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export async function startGemeenteSandbox(world: World, bronnen: BronnenConfig, options: GemeenteSandboxOptions = {}): Promise<PartnerServer> {
  const store = buildGemeenteStore(world, bronnen);
  return startPartnerServer({
    name: 'gemeente',
    routes: [...jsonRoutes(store), ...csvRoutes(store)],
    port: options.port,
    host: options.host,
    knobs: options.knobs,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bronnen = loadBronnen();
  const server = await startGemeenteSandbox(generateWorld({}, bronnen), bronnen, { port: Number(process.env.PORT ?? GEMEENTE_SANDBOX_PORT) });
  console.log(`gemeente sandbox listening on ${server.url}`);
}
