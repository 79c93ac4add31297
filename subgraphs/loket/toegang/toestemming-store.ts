/**
 * The loket's consent records (toestemmingen): register, withdraw, and read the ones that hold now.
 * Reads go to the store on every request — no cache — so a withdrawal holds on the very next request.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../kit/store/database.js';

export interface ToestemmingModel {
  id: string;
  kandidaatId: string;
  doel: string;
  publiekOrganisatie: string | null;
  publiekRol: string | null;
  categorieen: string[];
  geldigTot: string;
  geregistreerdOp: string;
  geregistreerdDoor: string;
  ingetrokkenOp: string | null;
}

export interface NieuweToestemming {
  kandidaatId: string;
  doel: string;
  publiekOrganisatie: string | null;
  publiekRol: string | null;
  categorieen: string[];
  geldigTot: Date;
  /** Organisation and token subject of the klantmanager who registers it. */
  organisatie: string;
  actor: string;
}

const COLUMNS = `id, kandidaat_id AS "kandidaatId", doel, publiek_organisatie AS "publiekOrganisatie", publiek_rol AS "publiekRol",
  categorieen, geldig_tot AS "geldigTot", geregistreerd_op AS "geregistreerdOp",
  geregistreerd_door_organisatie AS "geregistreerdDoor", ingetrokken_op AS "ingetrokkenOp"`;

type Row = Omit<ToestemmingModel, 'geldigTot' | 'geregistreerdOp' | 'ingetrokkenOp'> & { geldigTot: Date | string; geregistreerdOp: Date | string; ingetrokkenOp: Date | string | null };

function model(row: Row): ToestemmingModel {
  const iso = (value: Date | string) => new Date(value).toISOString();
  return { ...row, geldigTot: iso(row.geldigTot), geregistreerdOp: iso(row.geregistreerdOp), ingetrokkenOp: row.ingetrokkenOp === null ? null : iso(row.ingetrokkenOp) };
}

export async function registreerToestemming(db: Pick<Database, 'query'>, nieuw: NieuweToestemming): Promise<ToestemmingModel> {
  const [row] = await db.query<Row>(
    `INSERT INTO toestemming (id, kandidaat_id, doel, publiek_organisatie, publiek_rol, categorieen, geldig_tot, geregistreerd_door_organisatie, geregistreerd_door)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [`ts_${randomUUID()}`, nieuw.kandidaatId, nieuw.doel, nieuw.publiekOrganisatie, nieuw.publiekRol, nieuw.categorieen, nieuw.geldigTot.toISOString(), nieuw.organisatie, nieuw.actor],
  );
  return model(row!);
}

export async function toestemmingById(db: Pick<Database, 'query'>, id: string): Promise<ToestemmingModel | undefined> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM toestemming WHERE id = $1`, [id]);
  return row ? model(row) : undefined;
}

/** Withdraws a consent that holds; one already withdrawn is returned unchanged. */
export async function trekToestemmingIn(db: Pick<Database, 'query'>, id: string, actor: string): Promise<ToestemmingModel | undefined> {
  await db.query('UPDATE toestemming SET ingetrokken_op = now(), ingetrokken_door = $2 WHERE id = $1 AND ingetrokken_op IS NULL', [id, actor]);
  return toestemmingById(db, id);
}

/** Every consent of these people, newest first, withdrawn and expired ones included. */
export async function toestemmingenVan(db: Database, kandidaatIds: readonly string[]): Promise<ToestemmingModel[]> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM toestemming WHERE kandidaat_id = ANY($1) ORDER BY geregistreerd_op DESC, id`, [kandidaatIds]);
  return rows.map(model);
}

/** Consents of these people that hold now for this purpose and this audience (organisation or role). */
export async function geldendeToestemmingen(
  db: Database,
  kandidaatIds: readonly string[],
  doel: string,
  publiek: { organisatie: string | null; rol: string },
): Promise<ToestemmingModel[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM toestemming
     WHERE kandidaat_id = ANY($1) AND doel = $2 AND ingetrokken_op IS NULL AND geldig_tot > now()
       AND (publiek_organisatie = $3 OR publiek_rol = $4)`,
    [kandidaatIds, doel, publiek.organisatie, publiek.rol],
  );
  return rows.map(model);
}
