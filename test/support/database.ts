/**
 * A throw-away loket store for a test: in-memory PGlite by default, or a fresh schema in the
 * PostgreSQL server at `DATABASE_URL` (dropped again by `dispose`), so the same tests run on both.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseOptions } from '../../subgraphs/kit/store/database.js';

export interface TestDatabase {
  options: DatabaseOptions;
  /** `pglite` or `postgres`, for test names. */
  kind: 'pglite' | 'postgres';
  dispose(): Promise<void>;
}

export function testDatabase(): TestDatabase {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return { options: { dataDir: 'memory://' }, kind: 'pglite', dispose: async () => {} };
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    options: { databaseUrl, schema },
    kind: 'postgres',
    dispose: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_logboek CASCADE`);
      await client.end();
    },
  };
}
