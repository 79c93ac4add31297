/**
 * `npm start`: runs the whole één loket graph on this machine (sandbox partners, seven subgraphs,
 * gateway) with the dev token issuer, prints the graph's URL and an example query with a dev token,
 * and stops everything on Ctrl-C.
 */
import { isProduction } from '../kit/omgeving.js';
import { wholeNumberFromEnv } from '../schema/subgraphs.js';
import { startStack } from './stack.js';
import { worldOptionsFromEnv } from './scale.js';

const EXAMPLE = '{ arbeidsmarktregio(code: "AM36") { naam werkgevers(first: 3) { totalCount edges { node { kvkNummer naam bronnen } } } } }';

async function main(): Promise<void> {
  const t0 = performance.now();
  const log = (message: string) => console.log(`  ${message}`);
  if (isProduction()) {
    console.error('npm start runs the graph on simulated partners with development keys and is not for production; there, run each part as its own process with its own settings (README, "Running the parts separately").');
    process.exit(1);
  }
  let world;
  try {
    world = worldOptionsFromEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  console.log('Starting the één loket graph (sandbox partners, subgraphs, gateway)…');
  const stack = await startStack({
    world,
    database: { databaseUrl: process.env.DATABASE_URL, dataDir: process.env.LOKET_DATA_DIR },
    syncIntervalMs: wholeNumberFromEnv('SYNC_INTERVAL_SECONDS', 0, 86_400) * 1000,
    log,
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`\nReady in ${seconds} s (${Object.entries(stack.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}).`);
  console.log(`\n  GraphQL:  ${stack.gatewayUrl}   (open it in a browser for Apollo Sandbox)`);
  console.log(`  Partners: ${Object.entries(stack.sandboxes).map(([name, s]) => `${name} ${s.url}`).join(', ')}`);
  console.log(`\nTry, with a dev token (every request needs one; README, "Access"):`);
  console.log(`  TOKEN=$(npm run -s token -- --rol accountmanager --organisatie WSP-AM36 --regio AM36)`);
  console.log(`  curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE })}'\n`);
  console.log('Ctrl-C stops everything.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Could not start the één loket graph:', error instanceof Error ? error.message : error);
  process.exit(1);
});
