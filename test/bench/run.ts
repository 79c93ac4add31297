/**
 * Benchmarks (never part of `npm test`): `npm run bench -- [startup|queries] [--scale demo|national|N]`.
 * - startup: starts the whole stack in-process (fresh in-memory store), reports time per phase and
 *   resident memory once ready.
 * - queries: on a started stack, runs the README-style queries sequentially and reports latency
 *   percentiles and partner calls per query.
 * Results print as JSON lines so runs can be compared.
 */
import { parseArgs } from 'node:util';
import { worldOptionsFromEnv } from '../../sandbox/scale.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { graphql } from '../support/graphql.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { scale: { type: 'string', default: 'demo' }, runs: { type: 'string', default: '50' } } });
const benches = positionals.length > 0 ? positionals : ['startup', 'queries'];

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

async function startup(): Promise<Stack> {
  const t0 = performance.now();
  const stack = await startStack({ ports: 'ephemeral', world: worldOptionsFromEnv({ ...process.env, SANDBOX_SCALE: values.scale }), database: { dataDir: 'memory://' } });
  const readyMs = Math.round(performance.now() - t0);
  global.gc?.();
  const memory = process.memoryUsage();
  const index = await stack.loket.firstSync;
  const failedSources = index.bronnen.filter((b) => b.fout).map((b) => `${b.bronSysteem}: ${b.fout}`);
  console.log(JSON.stringify({ bench: 'startup', scale: values.scale, readyMs, phasesMs: stack.timings, rssMiB: mib(memory.rss), heapUsedMiB: mib(memory.heapUsed), index: index.index, indexSyncMs: index.duurMs, failedSources }));
  return stack;
}

const QUERIES: Record<string, string> = {
  regionOverview: '{ arbeidsmarktregio(code: "AM36") { naam kandidaten { totalCount } vacatures { totalCount } werkgevers { totalCount } } }',
  employerPage20: '{ arbeidsmarktregio(code: "AM36") { werkgevers(first: 20) { edges { node { naam bronnen uwvRelatie { accountmanager } gemeenteRelaties { lksPlaatsingen } swDetacheringen { aantalMedewerkers } leerbedrijf { erkend } lidmaatschap { branche } } } } } }',
  candidatePage50: '{ arbeidsmarktregio(code: "AM36") { kandidaten(first: 50) { edges { node { id bronnen gemeenteDossier { participatieladderTrede } uwvDossier { uitkering } swDienstverband { soort } onderwijs { diplomas { crebo } } } } } } }',
};

async function queries(stack: Stack): Promise<void> {
  const runs = Number(values.runs);
  for (const [name, query] of Object.entries(QUERIES)) {
    await graphql(stack.gatewayUrl, query);
    for (const sandbox of Object.values(stack.sandboxes)) sandbox.resetCounters();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const { errors } = await graphql(stack.gatewayUrl, query);
      times.push(performance.now() - t0);
      if (errors) throw new Error(`${name}: ${JSON.stringify(errors)}`);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
    const calls = Object.fromEntries(Object.entries(stack.sandboxes).map(([partner, s]) => [partner, s.counters().total / runs]));
    console.log(JSON.stringify({ bench: 'query', name, runs, p50Ms: pct(0.5), p95Ms: pct(0.95), maxMs: pct(1), partnerCallsPerQuery: calls }));
  }
}

const stack = await startup();
try {
  if (benches.includes('queries')) await queries(stack);
} finally {
  await stack.stop();
}
