/**
 * The outbox of the contact register: delivers each stored contact to the registering organisation's
 * own system through that partner's adapter, until the partner confirms it.
 *
 * - A contact and its delivery row are written in one transaction, so a contact that is stored is
 *   also on its way; nothing is sent before that transaction commits.
 * - A worker claims due rows with `FOR UPDATE SKIP LOCKED` and a lease (`geclaimd_tot`): two loket
 *   processes on one PostgreSQL never hold the same row at once, and the claim of a process that died
 *   mid-delivery runs out, after which another (or the restarted) process delivers it.
 * - Every attempt carries the contact's idempotency key, so a partner that got an attempt whose answer
 *   was lost keeps the contact once.
 * - A failed attempt sets `FAILED` with the reason and the next attempt: exponential backoff with
 *   jitter (from `initialMs` to `maxMs`), never sooner than the partner's Retry-After. It is retried
 *   until the partner accepts.
 * - Outcomes are written only by the holder of the claim (`claim` = its token), per round in one
 *   statement per kind of outcome, so the outbox costs the shared store few statements.
 */
import { randomUUID } from 'node:crypto';
import { describeForLog, PartnerUnavailableError } from '../../../adapters/kit/partner-errors.js';
import type { ContactLevering, LeverResultaat } from '../../../adapters/kit/contact-levering.js';
import { positiveNumberFromEnv } from '../../../schema/subgraphs.js';
import type { Database } from '../../kit/store/database.js';

/** Delivers one contact to one source system of a partner kind (the adapters' `leverContact`). */
export type Lever = (bron: string, bronSysteem: string, levering: ContactLevering) => Promise<LeverResultaat>;

export interface OutboxOptions {
  db: Database;
  lever: Lever;
  /** How often to look for due deliveries when nothing woke the worker; default 1000 ms. */
  intervalMs?: number;
  /** Rows claimed per round; default 50. */
  batch?: number;
  /** Deliveries at a time; default 8. */
  concurrency?: number;
  /** How long a claim holds; must exceed a delivery's worst time (partner timeout and retry). Default 60 s. */
  leaseMs?: number;
  /** First wait after a failed attempt; default 2000 ms, doubling per attempt. */
  initialMs?: number;
  /** Longest wait between attempts; default 10 minutes. */
  maxMs?: number;
  log?: (message: string) => void;
}

/** The outbox's timings, as plain data (they cross into the loket's worker thread). */
export type OutboxTimings = Pick<OutboxOptions, 'intervalMs' | 'batch' | 'concurrency' | 'leaseMs' | 'initialMs' | 'maxMs'>;

/**
 * | setting | default | |
 * |---|---|---|
 * | `OUTBOX_INTERVAL_MS` | 1000 | how often to look for due deliveries |
 * | `OUTBOX_RETRY_INITIAL_MS` | 2000 | first wait after a failed delivery, doubling per attempt |
 * | `OUTBOX_RETRY_MAX_MS` | 600000 | longest wait between attempts |
 * | `OUTBOX_LEASE_MS` | 60000 | how long a claimed delivery is held before another process may take it |
 */
export function outboxTimingsFromEnv(env: NodeJS.ProcessEnv = process.env): OutboxTimings {
  return {
    intervalMs: positiveNumberFromEnv('OUTBOX_INTERVAL_MS', 1_000, 3_600_000, env),
    initialMs: positiveNumberFromEnv('OUTBOX_RETRY_INITIAL_MS', 2_000, 3_600_000, env),
    maxMs: positiveNumberFromEnv('OUTBOX_RETRY_MAX_MS', 600_000, 86_400_000, env),
    leaseMs: positiveNumberFromEnv('OUTBOX_LEASE_MS', 60_000, 3_600_000, env),
  };
}

export interface Outbox {
  /** Looks for due deliveries now (after a registration), instead of at the next interval. */
  kick(): void;
  /** One round: claims due rows and delivers them; resolves with the number attempted. */
  runOnce(): Promise<number>;
  /** Stops claiming; waits for the deliveries in progress. */
  stop(): Promise<void>;
}

interface Claimed {
  contactmoment_id: string;
  bron: string;
  bron_systeem: string;
  pogingen: number;
  kvk_nummer: string;
  regio_code: string;
  gemeente_code: string;
  organisatie: string;
  medewerker: string;
  kanaal: ContactLevering['kanaal'];
  status: ContactLevering['status'];
  datum: string;
  onderwerp: string;
  sleutel: string;
}

/** The wait before attempt `pogingen + 1`: doubling from `initialMs`, at most `maxMs`, with jitter. */
export function wachttijd(pogingen: number, initialMs: number, maxMs: number, retryAfterSeconds?: number, random = Math.random): number {
  const plafond = Math.min(maxMs, initialMs * 2 ** Math.min(pogingen, 30));
  const metJitter = plafond / 2 + random() * (plafond / 2);
  return Math.max(Math.round(metJitter), (retryAfterSeconds ?? 0) * 1000);
}

export function startOutbox(options: OutboxOptions): Outbox {
  const { db, lever } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  const batch = options.batch ?? 50;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const initialMs = options.initialMs ?? 2_000;
  const maxMs = options.maxMs ?? 600_000;
  const log = options.log ?? (() => {});
  const claim = randomUUID();
  let stopped = false;
  let round: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const claimDue = () =>
    db.query<Claimed>(
      `WITH due AS (
         SELECT contactmoment_id FROM levering
         WHERE status <> 'DELIVERED' AND volgende_poging <= now() AND (geclaimd_tot IS NULL OR geclaimd_tot < now())
         ORDER BY volgende_poging LIMIT $3 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE levering l SET geclaimd_tot = now() + make_interval(secs => $2::float8 / 1000), claim = $1
         FROM due WHERE l.contactmoment_id = due.contactmoment_id
         RETURNING l.contactmoment_id, l.bron, l.bron_systeem, l.pogingen
       )
       SELECT claimed.*, c.kvk_nummer, c.regio_code, c.gemeente_code, c.organisatie, c.medewerker, c.kanaal, c.status, c.datum::text AS datum, c.onderwerp, c.sleutel
       FROM claimed JOIN contactmoment c ON c.id = claimed.contactmoment_id`,
      [claim, leaseMs, batch],
    );

  type Uitkomst = { id: string; referentie: string } | { id: string; reden: string; wachtMs: number };

  const deliver = async (row: Claimed): Promise<Uitkomst> => {
    const levering: ContactLevering = {
      sleutel: `${row.organisatie}:${row.sleutel}`,
      kvkNummer: row.kvk_nummer,
      regioCode: row.regio_code,
      gemeenteCode: row.gemeente_code,
      datum: row.datum,
      status: row.status,
      kanaal: row.kanaal,
      medewerker: row.medewerker,
      onderwerp: row.onderwerp,
      organisatie: row.organisatie,
    };
    try {
      const resultaat = await lever(row.bron, row.bron_systeem, levering);
      return { id: row.contactmoment_id, referentie: resultaat.partnerReferentie };
    } catch (error) {
      const retryAfter = error instanceof PartnerUnavailableError ? error.retryAfterSeconds : undefined;
      if (!(error instanceof PartnerUnavailableError)) log(`outbox: delivery of ${row.contactmoment_id} failed: ${describeForLog(error)}`);
      const reden = error instanceof PartnerUnavailableError ? error.message : 'the delivery failed in the loket';
      return { id: row.contactmoment_id, reden, wachtMs: wachttijd(row.pogingen, initialMs, maxMs, retryAfter) };
    }
  };

  /** Records a round's outcomes in two statements (the store is shared with the register's writes). */
  const record = async (uitkomsten: Uitkomst[]): Promise<void> => {
    const geleverd = uitkomsten.filter((u): u is Extract<Uitkomst, { referentie: string }> => 'referentie' in u);
    const mislukt = uitkomsten.filter((u): u is Extract<Uitkomst, { reden: string }> => 'reden' in u);
    if (geleverd.length > 0) {
      await db.query(
        `UPDATE levering l SET status = 'DELIVERED', pogingen = l.pogingen + 1, geleverd_op = now(), partner_referentie = u.referentie, laatste_fout = NULL, geclaimd_tot = NULL, claim = NULL
         FROM unnest($2::text[], $3::text[]) AS u(id, referentie) WHERE l.contactmoment_id = u.id AND l.claim = $1`,
        [claim, geleverd.map((u) => u.id), geleverd.map((u) => u.referentie)],
      );
    }
    if (mislukt.length > 0) {
      await db.query(
        `UPDATE levering l SET status = 'FAILED', pogingen = l.pogingen + 1, laatste_fout = u.reden, volgende_poging = now() + make_interval(secs => u.wacht / 1000), geclaimd_tot = NULL, claim = NULL
         FROM unnest($2::text[], $3::text[], $4::float8[]) AS u(id, reden, wacht) WHERE l.contactmoment_id = u.id AND l.claim = $1`,
        [claim, mislukt.map((u) => u.id), mislukt.map((u) => u.reden), mislukt.map((u) => u.wachtMs)],
      );
    }
  };

  const runOnce = async (): Promise<number> => {
    const rows = await claimDue();
    const uitkomsten: Uitkomst[] = [];
    let next = 0;
    const workers = Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
      while (next < rows.length) uitkomsten.push(await deliver(rows[next++]!));
    });
    await Promise.all(workers);
    await record(uitkomsten);
    return rows.length;
  };

  /** Runs rounds while they find work (or a kick came in meanwhile), then waits for the interval. */
  const loop = () => {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    clearTimeout(timer);
    round = runOnce()
      .catch((error: unknown) => {
        log(`outbox: ${describeForLog(error)}`);
        return 0;
      })
      .finally(() => {
        round = undefined;
      });
    void round.then((n) => {
      if (stopped) return;
      if (n > 0 || again) {
        again = false;
        setImmediate(loop);
      } else {
        timer = setTimeout(loop, intervalMs);
        timer.unref();
      }
    });
  };
  timer = setTimeout(loop, 0);
  timer.unref();

  return {
    kick: () => {
      if (!stopped) setImmediate(loop);
    },
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
