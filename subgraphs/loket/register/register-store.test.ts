/**
 * The register's store and outbox on the embedded store and, with DATABASE_URL, on PostgreSQL:
 * one write per idempotency key (also when requests with one key arrive together), a different body
 * refused, and deliveries that survive partner failures, a worker that dies mid-delivery and two
 * workers on one store, each contact delivered once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { ContactLevering, LeverResultaat } from '../../../adapters/kit/contact-levering.js';
import { PartnerUnavailableError } from '../../../adapters/kit/partner-errors.js';
import { testDatabase, type TestDatabase } from '../../../test/support/database.js';
import { openDatabase, type Database } from '../../kit/store/database.js';
import { migrate } from '../../kit/store/migrate.js';
import { LOKET_MIGRATIONS } from '../store/migrations.js';
import type { NieuwContactmoment } from './contact-invoer.js';
import { contactmomentById, slaContactOp } from './contact-store.js';
import { eenmalig } from './idempotentie.js';
import { startOutbox, wachttijd, type Lever, type Outbox } from './outbox.js';

const KVK = '12345678';
const contact = (onderwerp = 'Kennismaking'): NieuwContactmoment => ({ kvkNummer: KVK, kanaal: 'BEZOEK', status: 'GEDAAN', datum: '2026-11-30', medewerker: 'T. Tester', onderwerp });

let store: TestDatabase;
let db: Database;

beforeAll(async () => {
  store = testDatabase();
  db = await openDatabase(store.options);
  await migrate(db, LOKET_MIGRATIONS);
  await db.query(`INSERT INTO werkgever (kvk_nummer, regio_code, naam, gemeente_code, bronnen, aantal_bronnen, bijgewerkt_op) VALUES ($1, 'AM36', 'Test B.V.', 'GM0193', '{UWV}', 1, now())`, [KVK]);
});

afterAll(async () => {
  await db.close();
  await store.dispose();
});

let outboxes: Outbox[] = [];
afterEach(async () => {
  await Promise.all(outboxes.map((o) => o.stop()));
  outboxes = [];
});

/** Registers a contact under a key as the register's resolver does, in one transaction. */
function registreer(sleutel: string, nieuw = contact(), organisatie = 'GM0193', database: Database = db) {
  return database.transaction((tx) =>
    eenmalig(
      tx,
      { organisatie, sleutel, operatie: 'registreerContactmoment', inhoud: nieuw },
      async () => {
        const id = await slaContactOp(tx, { contact: nieuw, regioCode: 'AM36', gemeenteCode: 'GM0193', organisatie, sleutel, actor: 'test', doel: { bron: 'GEMEENTE', bronSysteem: 'gm-am36-a' } });
        return { id, waarde: id };
      },
      async (id) => id,
    ),
  );
}

const count = async (table: string, where = 'true', params: unknown[] = []) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0]?.n);

describe(`idempotent writes (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('stores a contact once per key and returns the first result on a repeat', async () => {
    const first = await registreer('key-repeat-0001');
    const again = await registreer('key-repeat-0001');
    expect(first.herhaald).toBe(false);
    expect(again).toEqual({ waarde: first.waarde, herhaald: true });
    expect(await count('contactmoment', 'sleutel = $1', ['key-repeat-0001'])).toBe(1);
    expect(await count('levering', 'contactmoment_id = $1', [first.waarde])).toBe(1);
  });

  it('stores one contact when twenty requests with one key arrive at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => registreer('key-concurrent-0001')));
    expect(new Set(results.map((r) => r.waarde)).size).toBe(1);
    expect(results.filter((r) => !r.herhaald)).toHaveLength(1);
    expect(await count('contactmoment', 'sleutel = $1', ['key-concurrent-0001'])).toBe(1);
  });

  it('refuses the same key with a different body and stores nothing new', async () => {
    await registreer('key-conflict-0001', contact('Eerste'));
    const before = await count('contactmoment');
    const error = await registreer('key-conflict-0001', contact('Iets anders')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', argument: 'idempotentieSleutel' });
    expect(await count('contactmoment')).toBe(before);
  });

  it('keeps keys apart per organisation', async () => {
    const a = await registreer('key-shared-0001', contact(), 'GM0193');
    const b = await registreer('key-shared-0001', contact(), 'UWV');
    expect(a.waarde).not.toBe(b.waarde);
    expect(b.herhaald).toBe(false);
  });
});

/** A partner stand-in that records each contact it stores once per key, and how often it was asked. */
function partner(options: { failFirst?: number; hang?: boolean } = {}) {
  const stored = new Map<string, ContactLevering>();
  const asked = new Map<string, number>();
  const failing = new Map<string, number>();
  const lever: Lever = async (_bron, bronSysteem, levering): Promise<LeverResultaat> => {
    asked.set(levering.sleutel, (asked.get(levering.sleutel) ?? 0) + 1);
    if (options.hang) return new Promise<never>(() => {});
    const left = failing.get(levering.sleutel) ?? options.failFirst ?? 0;
    failing.set(levering.sleutel, left - 1);
    if (left > 0) {
      throw new PartnerUnavailableError('GEMEENTE', bronSysteem, 'HTTP_FOUT', { httpStatus: 503 });
    }
    const alBekend = stored.has(levering.sleutel);
    if (!alBekend) stored.set(levering.sleutel, levering);
    return { partnerReferentie: `ref-${stored.size}`, alBekend };
  };
  return { lever, stored, asked };
}

async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(`outbox (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('waits with backoff and jitter, never less than Retry-After', () => {
    expect(wachttijd(0, 1000, 60_000, undefined, () => 0)).toBe(500);
    expect(wachttijd(3, 1000, 60_000, undefined, () => 1)).toBe(8000);
    expect(wachttijd(20, 1000, 60_000, undefined, () => 1)).toBe(60_000);
    expect(wachttijd(0, 1000, 60_000, 30, () => 0)).toBe(30_000);
  });

  it('shows FAILED with the reason and the next attempt while the partner refuses, then delivers once', async () => {
    const { waarde: id } = await registreer('key-outbox-failing');
    const p = partner({ failFirst: 2 });
    const outbox = startOutbox({ db, lever: p.lever, intervalMs: 20, initialMs: 40, maxMs: 100 });
    outboxes.push(outbox);
    await until(async () => (await contactmomentById(db, id))?.levering?.status === 'FAILED', 'a failed attempt');
    const failed = (await contactmomentById(db, id))!.levering!;
    expect(failed.laatsteFout).toContain('GEMEENTE (gm-am36-a)');
    expect(failed.volgendePoging).not.toBeNull();
    await until(async () => (await contactmomentById(db, id))?.levering?.status === 'DELIVERED', 'delivery');
    const delivered = (await contactmomentById(db, id))!.levering!;
    expect(delivered).toMatchObject({ status: 'DELIVERED', pogingen: 3, laatsteFout: null, volgendePoging: null, partnerReferentie: expect.stringMatching(/^ref-/) });
    expect(p.stored.has('GM0193:key-outbox-failing')).toBe(true);
    expect(p.asked.get('GM0193:key-outbox-failing')).toBe(3);
  });

  it('delivers what a worker that died mid-delivery had claimed, once its claim runs out', async () => {
    const { waarde: id } = await registreer('key-outbox-crash');
    const dead = partner({ hang: true });
    const dying = startOutbox({ db, lever: dead.lever, intervalMs: 20, leaseMs: 300 });
    await until(async () => (dead.asked.get('GM0193:key-outbox-crash') ?? 0) > 0, 'the first worker to claim');
    // The first worker never finishes (as if its process was killed); a new one takes over.
    void dying.stop();
    const alive = partner();
    outboxes.push(startOutbox({ db, lever: alive.lever, intervalMs: 20, leaseMs: 300 }));
    await until(async () => (await contactmomentById(db, id))?.levering?.status === 'DELIVERED', 'delivery after the lease');
    expect(alive.asked.get('GM0193:key-outbox-crash')).toBe(1);
  });

  it('two workers on one store deliver each of 200 contacts exactly once', async () => {
    const second = store.kind === 'postgres' ? await openDatabase(store.options) : db;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 200; i++) ids.push((await registreer(`key-two-workers-${String(i).padStart(4, '0')}`)).waarde);
      const p = partner();
      outboxes.push(startOutbox({ db, lever: p.lever, intervalMs: 10, batch: 7 }), startOutbox({ db: second, lever: p.lever, intervalMs: 10, batch: 7 }));
      await until(async () => (await count('levering', "status = 'DELIVERED' AND contactmoment_id = ANY($1)", [ids])) === 200, 'all 200 delivered');
      const keys = [...p.asked.keys()].filter((k) => k.includes('key-two-workers-'));
      expect(keys).toHaveLength(200);
      expect(keys.every((k) => p.asked.get(k) === 1)).toBe(true);
    } finally {
      await Promise.all(outboxes.map((o) => o.stop()));
      outboxes = [];
      if (second !== db) await second.close();
    }
  });
});
