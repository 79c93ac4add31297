/**
 * Benchmarks (never part of `npm test`): `npm run bench -- [startup|queries|audit|faults|contacts] [--scale demo|national|N] [--runs N]`.
 * - startup: starts the whole stack in-process (fresh in-memory stores), reports time per phase and
 *   resident memory once ready.
 * - queries: on a started stack, runs the README-style queries sequentially, each as a role that may
 *   see everything it asks, and reports latency percentiles and partner calls per query.
 * - audit: what audit logging adds to a personal-data query: the same candidate page with dossiers,
 *   on a stack whose partner subgraphs write to the logboek, and on one whose audit sink does nothing.
 * - faults: latency under the failures of the hardening issue — a hung partner at 40 concurrent
 *   clients, a hung subgraph, abusive queries (test/bench/faults.ts).
 * - contacts: 10,000 contact registrations while partners refuse 20% of deliveries, then recovery and
 *   verification that each is stored and delivered exactly once (test/bench/contacts.ts;
 *   `--contacts N --clients N --reject 0.2`); on PostgreSQL when DATABASE_URL is set.
 * Results print as JSON lines so runs can be compared.
 */
import { parseArgs } from 'node:util';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { worldOptionsFromEnv } from '../../sandbox/scale.js';
import { startStack, type Stack, type StackOptions } from '../../sandbox/stack.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { graphql } from '../support/graphql.js';
import { testDatabase } from '../support/database.js';
import { contactsBench } from './contacts.js';
import { faults } from './faults.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: 'demo' },
    runs: { type: 'string', default: '50' },
    contacts: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '16' },
    reject: { type: 'string', default: '0.2' },
  },
});
const benches = positionals.length > 0 ? positionals : ['startup', 'queries'];
const access = testAccess();

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

async function startup(extra: Partial<StackOptions> = {}, report = true): Promise<Stack> {
  const t0 = performance.now();
  const stack = await startStack({ ports: 'ephemeral', world: worldOptionsFromEnv({ ...process.env, SANDBOX_SCALE: values.scale }), database: { dataDir: 'memory://' }, access: access.settings, ...extra });
  const readyMs = Math.round(performance.now() - t0);
  global.gc?.();
  const memory = process.memoryUsage();
  const index = await stack.loket.firstSync;
  const failedSources = index.bronnen.filter((b) => b.fout).map((b) => `${b.bronSysteem}: ${b.fout}`);
  if (report) console.log(JSON.stringify({ bench: 'startup', scale: values.scale, readyMs, phasesMs: stack.timings, rssMiB: mib(memory.rss), heapUsedMiB: mib(memory.heapUsed), index: index.index, indexSyncMs: index.duurMs, failedSources }));
  return stack;
}

const analist: DevTokenClaims = { sub: 'bench-analist', rol: 'analist', organisatie: 'BENCH', regios: ['AM36'] };
const accountmanager: DevTokenClaims = { sub: 'bench-accountmanager', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] };
const klantmanagerUwv: DevTokenClaims = { sub: 'bench-klantmanager', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };

interface BenchQuery {
  query: string;
  actor: DevTokenClaims;
  purpose?: Purpose;
}

/** 50 UWV clients with every partner's file: 50 people read in up to four subgraphs. */
const CANDIDATE_PAGE_50: BenchQuery = {
  query: '{ arbeidsmarktregio(code: "AM36") { kandidaten(first: 50, filter: { bron: UWV }) { edges { node { id bronnen gemeenteDossier { participatieladderTrede } uwvDossier { uitkering } swDienstverband { soort } onderwijs { diplomas { crebo } } } } } } }',
  actor: klantmanagerUwv,
  purpose: PURPOSES.klantdossier,
};

const QUERIES: Record<string, BenchQuery> = {
  regionOverview: { query: '{ arbeidsmarktregio(code: "AM36") { naam kandidaten { totalCount } vacatures { totalCount } werkgevers { totalCount } } }', actor: analist },
  employerPage20: {
    query: '{ arbeidsmarktregio(code: "AM36") { werkgevers(first: 20) { edges { node { naam bronnen uwvRelatie { accountmanager } gemeenteRelaties { lksPlaatsingen } swDetacheringen { aantalMedewerkers } leerbedrijf { erkend } lidmaatschap { branche } } } } } }',
    actor: accountmanager,
  },
  candidatePage50: CANDIDATE_PAGE_50,
};

async function measure(stack: Stack, name: string, bench: BenchQuery, extra: Record<string, unknown> = {}): Promise<number> {
  const runs = Number(values.runs);
  const headers = await access.headers(bench.actor, bench.purpose);
  await graphql(stack.gatewayUrl, bench.query, undefined, headers);
  for (const sandbox of Object.values(stack.sandboxes)) sandbox.resetCounters();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const { errors } = await graphql(stack.gatewayUrl, bench.query, undefined, headers);
    times.push(performance.now() - t0);
    if (errors) throw new Error(`${name}: ${JSON.stringify(errors)}`);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
  const calls = Object.fromEntries(Object.entries(stack.sandboxes).map(([partner, s]) => [partner, s.counters().total / runs]));
  console.log(JSON.stringify({ bench: 'query', name, runs, p50Ms: pct(0.5), p95Ms: pct(0.95), maxMs: pct(1), partnerCallsPerQuery: calls, ...extra }));
  return pct(0.5);
}

async function queries(stack: Stack): Promise<void> {
  for (const [name, bench] of Object.entries(QUERIES)) await measure(stack, name, bench);
}

/** One UWV client's four files: one person read in up to four subgraphs. */
async function oneCandidate(stack: Stack): Promise<BenchQuery> {
  const page = await graphql(stack.gatewayUrl, '{ arbeidsmarktregio(code: "AM36") { kandidaten(first: 1, filter: { bron: UWV }) { edges { node { id } } } } }', undefined, await access.headers(klantmanagerUwv));
  const id = page.data?.arbeidsmarktregio.kandidaten.edges[0].node.id as string;
  return {
    query: `{ kandidaat(id: "${id}") { id gemeenteDossier { participatieladderTrede } uwvDossier { uitkering } swDienstverband { soort } onderwijs { diplomas { crebo } } } }`,
    actor: klantmanagerUwv,
    purpose: PURPOSES.klantdossier,
  };
}

/** Personal-data queries on a stack with the real logboek and on one whose audit sink does nothing. */
async function audit(): Promise<void> {
  const p50: Record<string, Record<string, number>> = { candidate1: {}, candidatePage50: {} };
  // The no-op sink counts what the page query would have written (the warm-up run included).
  const counted = { records: 0, writes: 0 };
  let perPage = { ...counted };
  const counting = { vastleggen: async (batch: readonly unknown[]) => void ((counted.records += batch.length), counted.writes++) };
  for (const variant of ['logboek', 'zonder-audit'] as const) {
    const stack = await startup(variant === 'logboek' ? {} : { auditSinkForBenchmark: counting }, false);
    try {
      p50.candidatePage50![variant] = await measure(stack, `candidatePage50 (${variant})`, CANDIDATE_PAGE_50);
      perPage = { ...counted };
      p50.candidate1![variant] = await measure(stack, `candidate1 (${variant})`, await oneCandidate(stack));
    } finally {
      await stack.stop();
    }
  }
  const pageQueries = Number(values.runs) + 1;
  const added = (name: string) => Math.round(((p50[name]!.logboek ?? 0) - (p50[name]!['zonder-audit'] ?? 0)) * 10) / 10;
  console.log(JSON.stringify({ bench: 'audit', addedP50Ms: { candidate1: added('candidate1'), candidatePage50: added('candidatePage50') }, candidatePage50: { auditRecordsPerQuery: perPage.records / pageQueries, logboekWritesPerQuery: perPage.writes / pageQueries } }));
}

if (benches.includes('startup') || benches.includes('queries')) {
  const stack = await startup();
  try {
    if (benches.includes('queries')) await queries(stack);
  } finally {
    await stack.stop();
  }
}
if (benches.includes('audit')) await audit();
if (benches.includes('faults')) {
  // Every client of the bench is one actor, so the gateway's rate limit is lifted for it.
  const stack = await startup({ rateLimit: { perActor: 1_000_000, perAddress: 1_000_000 } }, false);
  try {
    await faults(stack, access);
  } finally {
    await stack.stop();
  }
}
if (benches.includes('contacts')) {
  const store = testDatabase();
  const stack = await startup({ rateLimit: { perActor: 1_000_000, perAddress: 1_000_000 }, database: store.options, outbox: { intervalMs: 200, initialMs: 500, maxMs: 5_000, leaseMs: 60_000 } }, false);
  try {
    await contactsBench(stack, access, { contacts: Number(values.contacts), clients: Number(values.clients), reject: Number(values.reject), store: store.kind });
  } finally {
    await stack.stop();
    await store.dispose();
  }
}
