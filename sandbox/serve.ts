/**
 * Only the simulated partner systems, on ports 4102–4106, for running the subgraphs and the gateway
 * as separate processes: `npx tsx sandbox/serve.ts` (SANDBOX_SCALE, SANDBOX_SEED and
 * SANDBOX_MALFORMED_RATE as for `npm start`). Ctrl-C stops them.
 */
import { generateWorld } from './generator/world.js';
import { startSandboxes } from './partners.js';
import { worldOptionsFromEnv } from './scale.js';

const world = generateWorld(worldOptionsFromEnv());
const sandboxes = await startSandboxes(world, { host: process.env.HOST });
for (const [name, server] of Object.entries(sandboxes.servers)) console.log(`${name} sandbox at ${server.url}`);
const stop = () => {
  void sandboxes.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
