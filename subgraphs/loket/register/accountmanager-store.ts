/**
 * The regional accountmanager of each employer: one fixed contact person per employer per region. A
 * new assignment ends the current one (kept, with `tot`), so who was the contact when stays traceable.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../kit/store/database.js';
import type { NieuweToewijzing } from './contact-invoer.js';
import type { Tx } from './idempotentie.js';

export interface AccountmanagerModel {
  id: string;
  kvkNummer: string;
  regioCode: string;
  naam: string;
  organisatie: string;
  email: string | null;
  telefoon: string | null;
  sinds: string;
  tot: string | null;
}

const COLUMNS = `id, kvk_nummer AS "kvkNummer", regio_code AS "regioCode", naam, organisatie, email, telefoon, sinds, tot`;
type Row = Omit<AccountmanagerModel, 'sinds' | 'tot'> & { sinds: Date | string; tot: Date | string | null };
const model = (row: Row): AccountmanagerModel => ({ ...row, sinds: new Date(row.sinds).toISOString(), tot: row.tot === null ? null : new Date(row.tot).toISOString() });

/** Ends the current assignment of the employer in the region (if any) and starts this one. Returns its id. */
export async function wijsToe(tx: Tx, toewijzing: NieuweToewijzing & { regioCode: string; organisatie: string; actor: string }): Promise<string> {
  const id = `am_${randomUUID()}`;
  await tx.query('UPDATE accountmanager_toewijzing SET tot = now() WHERE kvk_nummer = $1 AND regio_code = $2 AND tot IS NULL', [toewijzing.kvkNummer, toewijzing.regioCode]);
  await tx.query(
    `INSERT INTO accountmanager_toewijzing (id, kvk_nummer, regio_code, naam, organisatie, email, telefoon, toegewezen_door)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, toewijzing.kvkNummer, toewijzing.regioCode, toewijzing.naam, toewijzing.organisatie, toewijzing.email, toewijzing.telefoon, toewijzing.actor],
  );
  return id;
}

export async function toewijzingById(db: Tx, id: string): Promise<AccountmanagerModel | undefined> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM accountmanager_toewijzing WHERE id = $1`, [id]);
  return row ? model(row) : undefined;
}

/** The assignment that ended when `id` started (same employer and region), if any. */
export async function vorigeToewijzing(db: Tx, id: string): Promise<AccountmanagerModel | undefined> {
  const [row] = await db.query<Row>(
    `SELECT ${COLUMNS} FROM accountmanager_toewijzing v
     WHERE (v.kvk_nummer, v.regio_code) = (SELECT kvk_nummer, regio_code FROM accountmanager_toewijzing WHERE id = $1)
       AND v.id <> $1 AND v.sinds <= (SELECT sinds FROM accountmanager_toewijzing WHERE id = $1)
     ORDER BY v.sinds DESC, v.id LIMIT 1`,
    [id],
  );
  return row ? model(row) : undefined;
}

/** The current accountmanager of each employer in its region (`regio` per employer). */
export async function huidigeAccountmanagers(db: Database, werkgevers: readonly { kvkNummer: string; regioCode: string }[]): Promise<(AccountmanagerModel | null)[]> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM accountmanager_toewijzing WHERE tot IS NULL AND kvk_nummer = ANY($1)`, [werkgevers.map((w) => w.kvkNummer)]);
  const byKey = new Map(rows.map((row) => [`${row.kvkNummer}/${row.regioCode}`, model(row)]));
  return werkgevers.map((w) => byKey.get(`${w.kvkNummer}/${w.regioCode}`) ?? null);
}
