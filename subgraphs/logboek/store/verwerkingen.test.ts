/**
 * The logboek store on PGlite, and on PostgreSQL when DATABASE_URL is set: records written in one
 * transaction and read back filtered and paged; the log is append-only in the database itself —
 * UPDATE, DELETE and TRUNCATE fail for the service's role (no privilege) and for the table owner
 * (triggers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../kit/auth/actor.js';
import { testDatabase } from '../../../test/support/database.js';
import { openDatabase, type Database } from '../../kit/store/database.js';
import { LOGBOEK_ROLE, openLogboekStore } from './migrations.js';
import { DATA_SUBJECT_ID_TYPE, vastleggen, verwerkingenPage, type NieuweVerwerking } from './verwerkingen.js';

const store = testDatabase();
let db: Database;

const klantmanager: Actor = { sub: 'km-0193-01', rol: 'klantmanager', organisatie: 'GM0193', regios: ['AM36'] };
const uwvMedewerker: Actor = { sub: 'uwv-07', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };

function record(n: number, overrides: Partial<NieuweVerwerking> = {}): NieuweVerwerking {
  const minute = String(n).padStart(2, '0');
  return {
    traceId: 'a'.repeat(31) + (n % 10),
    spanId: (n + 1).toString(16).padStart(16, '0'),
    parentSpanId: null,
    naam: 'klantdossier-inzien',
    startTijd: `2026-11-24T09:${minute}:00.000Z`,
    eindTijd: `2026-11-24T09:${minute}:00.250Z`,
    status: 'OK',
    resource: 'een-loket/uwv',
    verwerkingsactiviteit: 'klantdossier-inzien',
    doelbinding: 're-integratie',
    betrokkene: `kd_persoon${n % 3}`,
    velden: ['Kandidaat.uwvDossier'],
    foreignOperation: null,
    ...overrides,
  };
}

beforeAll(async () => {
  db = await openLogboekStore(store.options);
  await vastleggen(db, [record(1), record(2), record(3, { foreignOperation: { traceId: 'f'.repeat(32), spanId: 'e'.repeat(16), entity: 'https://uwv.nl' } })], { actor: klantmanager, verzoek: 'ab'.repeat(16) });
  await vastleggen(db, [record(4), record(5, { status: 'ERROR', velden: ['Kandidaat.uwvDossier', 'Kandidaat.gemeenteDossier'] })], { actor: uwvMedewerker, verzoek: null });
});

afterAll(async () => {
  await db?.close();
  await store.dispose();
});

/** The error a statement fails with, or undefined when it succeeds. */
async function failure(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe(`logboek store (${store.kind})`, () => {
  it('stores the LDV names and attributes, with the actor from the given token and the client request', async () => {
    const [row] = await db.query<{ status_code: string; resource: unknown; attributes: Record<string, unknown>; foreign_operation: unknown }>(
      `SELECT status_code, resource, attributes, foreign_operation FROM verwerkingen WHERE span_id = $1`,
      [record(3).spanId],
    );
    expect(row).toEqual({
      status_code: 'STATUS_CODE_OK',
      resource: { 'service.name': 'een-loket/uwv' },
      attributes: {
        'dpl.core.processing_activity_id': 'klantdossier-inzien',
        'dpl.core.data_subject_id': 'kd_persoon0',
        'dpl.core.data_subject_id_type': DATA_SUBJECT_ID_TYPE,
        'een_loket.doelbinding': 're-integratie',
        'een_loket.actor.sub': 'km-0193-01',
        'een_loket.actor.rol': 'klantmanager',
        'een_loket.actor.organisatie': 'GM0193',
        'een_loket.velden': ['Kandidaat.uwvDossier'],
        'een_loket.verzoek': 'ab'.repeat(16),
      },
      foreign_operation: { trace_id: 'f'.repeat(32), span_id: 'e'.repeat(16), entity: 'https://uwv.nl' },
    });
  });

  it('reads newest written first, in pages with cursors and the total of the filter', async () => {
    const first = await verwerkingenPage(db, { first: 2 });
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e) => e.node.spanId)).toEqual([record(5).spanId, record(4).spanId]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await verwerkingenPage(db, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.spanId)).toEqual([record(3).spanId, record(2).spanId]);
    const last = await verwerkingenPage(db, { first: 2, after: second.pageInfo.endCursor });
    expect(last.edges.map((e) => e.node.spanId)).toEqual([record(1).spanId]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    expect(first.edges[0]?.node).toMatchObject({
      status: 'ERROR',
      naam: 'klantdossier-inzien',
      startTijd: '2026-11-24T09:05:00.000Z',
      eindTijd: '2026-11-24T09:05:00.250Z',
      resource: 'een-loket/uwv',
      betrokkene: 'kd_persoon2',
      actor: { sub: 'uwv-07', rol: 'klantmanager', organisatie: 'UWV' },
      velden: ['Kandidaat.uwvDossier', 'Kandidaat.gemeenteDossier'],
      foreignOperation: null,
    });
  });

  it('filters on data subject, actor, organisation, period and trace', async () => {
    const spans = async (filter: Parameters<typeof verwerkingenPage>[1]) => (await verwerkingenPage(db, filter)).edges.map((e) => e.node.spanId);
    expect(await spans({ first: 10, betrokkene: 'kd_persoon1' })).toEqual([record(4).spanId, record(1).spanId]);
    expect(await spans({ first: 10, actor: 'km-0193-01' })).toEqual([3, 2, 1].map((n) => record(n).spanId));
    expect(await spans({ first: 10, organisatie: 'UWV' })).toEqual([5, 4].map((n) => record(n).spanId));
    expect(await spans({ first: 10, van: '2026-11-24T09:02:00Z', tot: '2026-11-24T10:04:00+01:00' })).toEqual([3, 2].map((n) => record(n).spanId));
    expect(await spans({ first: 10, traceId: record(4).traceId })).toEqual([record(4).spanId]);
    expect((await verwerkingenPage(db, { first: 0, betrokkene: 'kd_persoon1', actor: 'uwv-07' })).totalCount).toBe(1);
  });

  it('refuses a cursor it did not make, naming the argument', async () => {
    await expect(verwerkingenPage(db, { first: 2, after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
  });

  it('runs as the logboek role, which may only insert and select', async () => {
    const [who] = await db.query<{ current_user: string }>('SELECT current_user');
    expect(who?.current_user).toBe(LOGBOEK_ROLE);
    for (const sql of [`UPDATE verwerkingen SET name = 'x'`, 'DELETE FROM verwerkingen', 'TRUNCATE verwerkingen', 'DROP TABLE verwerkingen', 'ALTER TABLE verwerkingen DISABLE TRIGGER USER']) {
      expect(await failure(() => db.query(sql)), sql).toMatch(/permission denied|must be owner/);
    }
    expect((await verwerkingenPage(db, { first: 0 })).totalCount).toBe(5);
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the table owner too (triggers), even when no row matches', async () => {
    await asOwner(async (owner) => {
      for (const sql of [`UPDATE verwerkingen SET name = 'x'`, `UPDATE verwerkingen SET name = 'x' WHERE false`, 'DELETE FROM verwerkingen', 'TRUNCATE verwerkingen']) {
        expect(await failure(() => owner.query(sql)), sql).toMatch(/logboek is append-only: (UPDATE|DELETE|TRUNCATE) on verwerkingen is not allowed/);
      }
      // The table's own checks hold for anyone writing around the service.
      expect(await failure(() => owner.query(`INSERT INTO verwerkingen (trace_id, span_id, name, start_time, end_time, status_code, resource, attributes) VALUES ('xyz', 'abc', 'n', now(), now(), 'STATUS_CODE_OK', '{}', '{}')`))).toMatch(/check constraint/);
    });
    expect((await verwerkingenPage(db, { first: 0 })).totalCount).toBe(5);
  });

  it('writes all records of a call or none', async () => {
    const bad = { ...record(6), traceId: 'not-hex' };
    expect(await failure(() => vastleggen(db, [record(6), bad], { actor: klantmanager, verzoek: null }))).toMatch(/check constraint/);
    expect((await verwerkingenPage(db, { first: 0 })).totalCount).toBe(5);
  });
});

/**
 * Runs `fn` as the connecting (owner) user: PostgreSQL a connection without the role; PGlite the same
 * session with the role reset (a session user can always reset its role — the triggers hold anyway).
 */
async function asOwner(fn: (owner: Database) => Promise<void>): Promise<void> {
  if (store.kind === 'postgres') {
    const owner = await openDatabase(store.options);
    try {
      await fn(owner);
    } finally {
      await owner.close();
    }
    return;
  }
  await db.exec('RESET ROLE');
  try {
    await fn(db);
  } finally {
    await db.exec(`SET ROLE ${LOGBOEK_ROLE}`);
  }
}

// Only PGlite reopens a data folder; against PostgreSQL the role comes from the connection options,
// which the tests above already exercise, so this one is skipped there.
describe.runIf(store.kind === 'pglite')('openDatabase({ role }) on PGlite', () => {
  it('runs every query of a reopened store as the role', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'logboek-'));
    try {
      await (await openLogboekStore({ dataDir })).close();
      const reopened = await openDatabase({ dataDir, role: LOGBOEK_ROLE });
      try {
        expect(await reopened.query('SELECT current_user')).toEqual([{ current_user: LOGBOEK_ROLE }]);
        expect(await failure(() => reopened.query('DELETE FROM verwerkingen'))).toMatch(/permission denied/);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe(`paging through several hundred records (${store.kind})`, () => {
  const many = testDatabase();
  let big: Database;
  const TOTAL = 321;

  beforeAll(async () => {
    big = await openLogboekStore(many.options);
    // Written in separate calls, as requests write them; sequence numbers run past 100, where text and number order differ.
    for (let start = 0; start < TOTAL; start += 50) {
      const batch = Array.from({ length: Math.min(50, TOTAL - start) }, (_, i) => record(((start + i) % 59) + 1, { spanId: (start + i + 1).toString(16).padStart(16, '0'), betrokkene: `kd_persoon${start + i}` }));
      await vastleggen(big, batch, { actor: klantmanager, verzoek: null });
    }
  });

  afterAll(async () => {
    await big?.close();
    await many.dispose();
  });

  it('visits every record exactly once, newest written first', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await verwerkingenPage(big, { first: 10, after });
      expect(page.totalCount).toBe(TOTAL);
      seen.push(...page.edges.map((e) => Number(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen.map((id, i) => (i === 0 ? 0 : seen[i - 1]! - id)).slice(1).every((step) => step === 1)).toBe(true);
  });
});
