/**
 * The SBB/ROC sandbox server: the onderwijs slice of a world over real HTTP, JSON REST with cursor
 * paging (see routes.ts). Run directly (`npx tsx sandbox/onderwijs/server.ts`) it serves the demo
 * world on port 4105 (env `PORT` overrides).
 */
import { loadBronnen, type BronnenConfig } from '../../adapters/kit/bronnen.js';
import { generateWorld } from '../generator/world.js';
import type { World } from '../generator/world-types.js';
import { startPartnerServer, type PartnerServer, type SandboxKnobs } from '../kit/partner-server.js';
import { onderwijsRoutes } from './routes.js';

export const ONDERWIJS_SANDBOX_PORT = 4105;

export interface OnderwijsSandboxOptions {
  port?: number;
  host?: string;
  knobs?: Partial<SandboxKnobs>;
}

export function startOnderwijsSandbox(world: World, bronnen: BronnenConfig, options: OnderwijsSandboxOptions = {}): Promise<PartnerServer> {
  return startPartnerServer({ name: bronnen.onderwijs.id, routes: onderwijsRoutes(world), port: options.port, host: options.host, knobs: options.knobs });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bronnen = loadBronnen();
  const server = await startOnderwijsSandbox(generateWorld({}, bronnen), bronnen, { port: Number(process.env.PORT ?? ONDERWIJS_SANDBOX_PORT) });
  console.log(`onderwijs sandbox (SBB) listening on ${server.url}`);
}
