/**
 * `npm run bench -- contacts [--contacts N] [--clients N] [--reject 0.2]`: writes N contacts (default
 * 10,000) through the gateway as accountmanagers of five organisations — one per partner kind, so
 * every adapter's delivery runs — while each partner system refuses the given share of deliveries at
 * random (HTTP 503). One in twenty requests is sent twice with the same key, as a client does after a
 * lost answer. Then the partners recover, and the bench waits until the outbox is empty and verifies:
 * every key stored once in the register, every contact stored once in its partner's system, none
 * stored twice. Reports write throughput, delivery lag (from the client's answer to the partner's
 * first receipt) p50/p95/max, attempts, and the verification counts. Runs on the embedded store, or on
 * PostgreSQL when DATABASE_URL is set (a fresh schema, dropped afterwards).
 */
import { randomUUID } from 'node:crypto';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import type { PartnerName } from '../../sandbox/partners.js';
import type { Stack } from '../../sandbox/stack.js';
import type { TestAccess } from '../support/access.js';
import { graphql } from '../support/graphql.js';

const REGIO = 'AM36';
const REGISTREREN = { doelbinding: 'werkgeversdienstverlening', verwerking: 'werkgeverscontact-registreren' };
const REGISTREER = `mutation($invoer: ContactmomentInvoer!, $sleutel: String!) { registreerContactmoment(invoer: $invoer, idempotentieSleutel: $sleutel) { herhaald contactmoment { id } } }`;

interface Ontvangen {
  bronSysteem: string;
  sleutel: string;
  pogingen: number;
  ontvangenOp?: string;
}

export interface ContactsBenchOptions {
  contacts: number;
  clients: number;
  reject: number;
  store: string;
}

async function inbox(stack: Stack, partner: PartnerName): Promise<{ ontvangen: number; herhaald: number; contactmomenten: Ontvangen[] }> {
  const response = await fetch(`${stack.sandboxes[partner].url}/_sandbox/contactmomenten`);
  return (await response.json()) as { ontvangen: number; herhaald: number; contactmomenten: Ontvangen[] };
}

export async function contactsBench(stack: Stack, access: TestAccess, options: ContactsBenchOptions): Promise<void> {
  const gemeente = stack.bronnen.gemeente.find((g) => g.regio === REGIO)!;
  const organisaties: Record<PartnerName, string> = {
    gemeente: gemeente.gemeenten[0]!,
    uwv: 'UWV',
    'sw-bedrijf': stack.bronnen.swBedrijf.find((s) => s.regio === REGIO)!.id,
    onderwijs: stack.bronnen.onderwijs.id,
    werkgeversvereniging: stack.bronnen.werkgeversvereniging.id,
  };
  const partners = Object.keys(organisaties) as PartnerName[];
  const headers = Object.fromEntries(
    await Promise.all(partners.map(async (p) => [p, await access.headers({ sub: `bench-am-${p}`, rol: 'accountmanager', organisatie: organisaties[p], regios: [REGIO] } satisfies DevTokenClaims, REGISTREREN)] as const)),
  ) as Record<PartnerName, Record<string, string>>;
  // Employers the graph knows (the world also has employers whose only record is malformed).
  const lijst = await graphql(stack.gatewayUrl, `{ arbeidsmarktregio(code: "${REGIO}") { werkgevers(first: 100) { edges { node { kvkNummer } } } } }`, undefined, headers.uwv);
  const werkgevers = (lijst.data?.arbeidsmarktregio.werkgevers.edges ?? []).map((e: { node: { kvkNummer: string } }) => e.node.kvkNummer) as string[];
  if (werkgevers.length === 0) throw new Error(`no employers in ${REGIO}: ${JSON.stringify(lijst.errors)}`);
  for (const partner of partners) Object.assign(stack.sandboxes[partner].knobs, { errorRate: options.reject, scope: 'contactmoment' });

  const vandaag = new Date().toISOString().slice(0, 10);
  const beantwoord = new Map<string, number>();
  const fouten: Record<string, number> = {};
  let herhaald = 0;
  let next = 0;
  const t0 = performance.now();
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= options.contacts) return;
      const partner = partners[i % partners.length]!;
      const sleutel = randomUUID();
      const invoer = { werkgever: werkgevers[i % werkgevers.length], kanaal: 'TELEFOON', status: 'GEDAAN', datum: vandaag, medewerker: `Bench ${partner}`, onderwerp: `Bench contact ${i}` };
      const tries = i % 20 === 0 ? 2 : 1;
      for (let t = 0; t < tries; t++) {
        const r = await graphql(stack.gatewayUrl, REGISTREER, { invoer, sleutel }, headers[partner]);
        if (r.errors) {
          const code = String(r.errors[0]?.extensions?.code ?? 'UNKNOWN');
          fouten[code] = (fouten[code] ?? 0) + 1;
          continue;
        }
        if (r.data?.registreerContactmoment.herhaald) herhaald++;
        if (!beantwoord.has(`${organisaties[partner]}:${sleutel}`)) beantwoord.set(`${organisaties[partner]}:${sleutel}`, Date.now());
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const writeSeconds = (performance.now() - t0) / 1000;

  // The partners recover; wait until the outbox is empty.
  for (const partner of partners) stack.sandboxes[partner].knobs.errorRate = 0;
  const beheerder = await access.headers({ sub: 'bench-beheerder', rol: 'beheerder', regios: [] });
  const recovery0 = performance.now();
  let backlog: { bronSysteem: string; pending: number; delivered: number; failed: number }[] = [];
  for (;;) {
    const r = await graphql(stack.gatewayUrl, '{ contactLeveringen { bronSysteem pending delivered failed } }', undefined, beheerder);
    backlog = r.data?.contactLeveringen ?? [];
    if (backlog.length > 0 && backlog.every((b) => b.pending === 0 && b.failed === 0)) break;
    if (performance.now() - recovery0 > 15 * 60_000) throw new Error(`outbox not empty after 15 minutes: ${JSON.stringify(backlog)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const drainSeconds = (performance.now() - recovery0) / 1000;

  const inboxes = await Promise.all(partners.map((p) => inbox(stack, p)));
  const ontvangen = inboxes.flatMap((i) => i.contactmomenten).filter((c) => beantwoord.has(c.sleutel));
  const perSleutel = new Map<string, number>();
  for (const c of ontvangen) perSleutel.set(c.sleutel, (perSleutel.get(c.sleutel) ?? 0) + 1);
  const lags = ontvangen.flatMap((c) => (c.ontvangenOp ? [Math.max(0, Date.parse(c.ontvangenOp) - beantwoord.get(c.sleutel)!)] : [])).sort((a, b) => a - b);
  const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? null;
  const delivered = backlog.reduce((n, b) => n + b.delivered, 0);
  console.log(
    JSON.stringify({
      bench: 'contacts',
      store: options.store,
      contacts: options.contacts,
      clients: options.clients,
      rejectRate: options.reject,
      requests: options.contacts + Math.ceil(options.contacts / 20),
      errors: fouten,
      repeatsAnsweredHerhaald: herhaald,
      writesPerSecond: Math.round((options.contacts / writeSeconds) * 10) / 10,
      writeSeconds: Math.round(writeSeconds),
      drainAfterRecoverySeconds: Math.round(drainSeconds * 10) / 10,
      deliveryLagMs: { p50: pct(0.5), p95: pct(0.95), max: lags.at(-1) ?? null },
      partnerRequests: inboxes.reduce((n, i) => n + i.ontvangen, 0) + partners.reduce((n, p) => n + (stack.sandboxes[p].counters().faults.error ?? 0), 0),
      partnerRejections: partners.reduce((n, p) => n + (stack.sandboxes[p].counters().faults.error ?? 0), 0),
      verification: {
        keysAnswered: beantwoord.size,
        deliveredInRegister: delivered,
        storedAtPartners: perSleutel.size,
        storedTwiceAtPartners: [...perSleutel.values()].filter((n) => n > 1).length,
        repeatsAbsorbedByPartners: inboxes.reduce((n, i) => n + i.herhaald, 0),
        missingAtPartners: [...beantwoord.keys()].filter((k) => !perSleutel.has(k)).length,
      },
    }),
  );
}
