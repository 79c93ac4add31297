/**
 * A subgraph store's connection: PGlite (Postgres in WASM, persisted to a folder) by default, or a
 * PostgreSQL server when `DATABASE_URL` is set. Both speak the same SQL and run the same migrations.
 * An optional schema name isolates a store inside one database (tests use one schema per run).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { readTemplate, saveTemplate } from './pglite-template.js';

export interface Database {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL text with several statements and no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (tx: Pick<Database, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  /** `pglite` or `postgres`, for logs. */
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; `memory://` keeps it in memory. Default `.data/loket`; each store has its own. */
  dataDir?: string;
  /** Postgres schema to use (created when missing). Default `public`. */
  schema?: string;
  /**
   * Run every query as this role (`SET ROLE`), e.g. a NOLOGIN role with fewer privileges than the
   * connecting user, who must be a member of it. The role and the schema must exist already (the
   * owner migrates first); with PostgreSQL the schema is then not created. Default: the connecting user.
   */
  role?: string;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  if (options.role !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.role)) throw new Error(`invalid role name "${options.role}"`);
  return options.databaseUrl ? openPostgres(options.databaseUrl, schema, options.role) : openPglite(options.dataDir ?? '.data/loket', schema, options.role);
}

async function openPglite(dataDir: string, schema: string, role?: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // A new cluster starts from the initialised template instead of running initdb.
  const isNew = inMemory || !existsSync(join(dataDir, 'PG_VERSION'));
  const template = isNew ? readTemplate() : undefined;
  const db = await PGlite.create({ dataDir, loadDataDir: template });
  if (isNew && !template) await saveTemplate(db);
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  // PGlite is one session: the role holds for every later query.
  if (role) await db.exec(`SET ROLE ${role}`);
  const query = async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows;
  const exec = async (sql: string) => {
    await db.exec(sql);
  };
  return {
    kind: 'pglite',
    query,
    exec,
    transaction: (fn) =>
      db.transaction(async (tx) =>
        fn({
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => db.close(),
  };
}

async function openPostgres(connectionString: string, schema: string, role?: string): Promise<Database> {
  // `-c role=…` sets the role for each new connection of the pool before its first query.
  const pool = new pg.Pool({ connectionString, max: 8, options: `-c search_path=${schema}${role ? ` -c role=${role}` : ''}` });
  // A restricted role may not create schemas (PostgreSQL checks that before IF NOT EXISTS).
  // Either way the first query fails fast when the server, schema rights or role are wrong.
  await pool.query(role ? 'SELECT 1' : `CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const query = async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[];
  return {
    kind: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
