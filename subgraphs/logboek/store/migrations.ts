/**
 * The logboek store: its migrations and the role its queries run under. The connecting user owns the
 * table and migrates it; every query of the service then runs as `een_loket_logboek_schrijver`, which
 * may only INSERT and SELECT (and triggers refuse UPDATE, DELETE and TRUNCATE even to the owner).
 */
import { openDatabase, type Database, type DatabaseOptions } from '../../kit/store/database.js';
import { migrate } from '../../kit/store/migrate.js';

/** The logboek store's migrations folder, for `migrate` of the subgraph kit. */
export const LOGBOEK_MIGRATIONS = new URL('./migrations/', import.meta.url);

/** The NOLOGIN role the logboek's queries run under (created by the first migration). */
export const LOGBOEK_ROLE = 'een_loket_logboek_schrijver';

/**
 * Migrates the store as the connecting (owner) user, then returns a connection whose queries run as
 * LOGBOEK_ROLE. PostgreSQL: a new pool with that role. PGlite: the same session switched to the role,
 * since PGlite is one session and an in-memory cluster would not survive reopening.
 */
export async function openLogboekStore(options: DatabaseOptions = {}): Promise<Database> {
  const owner = await openDatabase({ ...options, role: undefined });
  try {
    await migrate(owner, LOGBOEK_MIGRATIONS);
    if (owner.kind === 'pglite') {
      await owner.exec(`SET ROLE ${LOGBOEK_ROLE}`);
      return owner;
    }
  } catch (error) {
    await owner.close();
    throw error;
  }
  await owner.close();
  return openDatabase({ ...options, role: LOGBOEK_ROLE });
}
