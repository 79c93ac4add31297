/**
 * Soak test (never part of `npm test`): `npm run soak -- [--minutes 10] [--rate 15] [--flap uwv] [--flap-period-s 60]`.
 * Starts the whole graph in this process (sandbox partners, in-memory stores, every policy on: access,
 * audit log, rate limits, query limits, deadlines, breakers) and sends a fixed rate of requests —
 * open loop: one every 1/rate s whether or not earlier ones were answered — for the given minutes,
 * while one partner flaps (down with 503 half of every period). The mix: the employer view as an
 * accountmanager (every partner subgraph), a page of candidates with their dossiers as a klantmanager
 * (personal data: purpose headers, audited), and region counts as an analist.
 *
 * Prints a progress line every 30 s and one JSON summary: requests, HTTP statuses, errors by
 * code/categorie, latency percentiles, resident memory at start and end, gateway 5xx (target 0), and
 * employer parts that went missing without an error (target 0).
 */
import { parseArgs } from 'node:util';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type PartnerName } from '../../sandbox/stack.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { ACCOUNTMANAGER, EMPLOYER_VIEW, PARTNER_PART, partOutcome, REGIO, type EmployerView } from '../support/employer-view.js';
import { summarize, timedPost, type Answer } from '../bench/load.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '15' }, flap: { type: 'string', default: 'uwv' }, 'flap-period-s': { type: 'string', default: '60' } } });
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const flap = values.flap as PartnerName;
if (!(flap in PARTNER_PART)) throw new Error(`--flap must be one of ${Object.keys(PARTNER_PART).join(', ')}`);
if (!(minutes > 0) || !(rate > 0)) throw new Error('--minutes and --rate must be positive numbers');

const access = testAccess();
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
const KLANTMANAGER: DevTokenClaims = { sub: 'soak-klantmanager', rol: 'klantmanager', organisatie: 'UWV', regios: [REGIO] };
const ANALIST: DevTokenClaims = { sub: 'soak-analist', rol: 'analist', organisatie: 'SOAK', regios: [REGIO] };

const stack = await startStack({ ports: 'ephemeral', database: { dataDir: 'memory://' }, access: access.settings });
const silent: Record<string, number> = {};
const checkEmployerView = (json: unknown) => {
  for (const partner of Object.keys(PARTNER_PART) as PartnerName[]) {
    const missing = partOutcome(json as EmployerView, partner).silent.length;
    if (missing > 0) silent[partner] = (silent[partner] ?? 0) + missing;
  }
};
const mix = [
  { name: 'employer view', headers: await access.headers(ACCOUNTMANAGER), body: JSON.stringify({ query: EMPLOYER_VIEW }), inspect: checkEmployerView },
  {
    name: 'candidate page with dossiers',
    headers: await access.headers(KLANTMANAGER, PURPOSES.klantdossier),
    body: JSON.stringify({ query: `{ arbeidsmarktregio(code: "${REGIO}") { kandidaten(first: 20, filter: { bron: UWV }) { edges { node { id bronnen uwvDossier { uitkering } gemeenteDossier { participatieladderTrede } } } } } }` }),
    inspect: undefined,
  },
  { name: 'region counts', headers: await access.headers(ANALIST), body: JSON.stringify({ query: `{ arbeidsmarktregio(code: "${REGIO}") { naam kandidaten { totalCount } vacatures { totalCount } werkgevers { totalCount } } }` }), inspect: undefined },
];

global.gc?.();
const rssStart = process.memoryUsage().rss;
const heapStart = process.memoryUsage().heapUsed;
stack.sandboxes[flap].knobs.flapPeriodMs = Number(values['flap-period-s']) * 1000;
console.log(JSON.stringify({ soak: 'start', minutes, rate, flap, flapPeriodS: Number(values['flap-period-s']), rssMiB: mib(rssStart), startup: stack.timings }));

const answers: Answer[] = [];
const pending = new Set<Promise<void>>();
const started = performance.now();
const endAt = started + minutes * 60_000;
let sent = 0;
let lastProgress = started;
while (performance.now() < endAt) {
  // Open loop: request n goes out at n/rate seconds, however long earlier ones take.
  const due = started + (sent * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const query = mix[sent % mix.length]!;
  const request = timedPost(stack.gatewayUrl, query.body, query.headers, query.inspect).then((answer) => void answers.push(answer));
  pending.add(request);
  void request.finally(() => pending.delete(request));
  sent++;
  if (performance.now() - lastProgress >= 30_000) {
    lastProgress = performance.now();
    const { p95Ms, statuses } = summarize(answers);
    console.log(JSON.stringify({ soak: 'progress', seconds: Math.round((lastProgress - started) / 1000), sent, answered: answers.length, inFlight: pending.size, p95Ms, statuses, rssMiB: mib(process.memoryUsage().rss) }));
  }
}
await Promise.all(pending);
global.gc?.();
const summary = summarize(answers);
const gateway5xx = Object.entries(summary.statuses).filter(([status]) => Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
console.log(
  JSON.stringify({
    soak: 'summary',
    minutes,
    rate,
    flap,
    ...summary,
    gateway5xx,
    silentlyMissing: silent,
    rssMiB: { start: mib(rssStart), end: mib(process.memoryUsage().rss) },
    heapUsedMiB: { start: mib(heapStart), end: mib(process.memoryUsage().heapUsed) },
    flappingPartnerCalls: stack.sandboxes[flap].counters(),
  }),
);
await stack.stop();
