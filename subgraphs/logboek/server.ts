/**
 * The logboek subgraph: the audit log of reads of personal data (LDV-shaped, append-only). Subgraphs
 * write to it directly with `vastleggen` (see client.ts); a `beheerder` reads it through the graph
 * with `verwerkingen`. Every request needs a valid access token: its actor is the actor of the
 * records written.
 *
 * Run on its own: `npx tsx subgraphs/logboek/server.ts` (PORT, default 4007; HOST; DATABASE_URL with
 * schema `logboek`, else PGlite in LOGBOEK_DATA_DIR, default `.data/logboek`; the token verifier's
 * variables, see kit/auth/auth-config.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../kit/auth/actor.js';
import { verifierFromEnv } from '../../kit/auth/token-verifier.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import type { AccessDependencies } from '../kit/access/access-context.js';
import { isEntryPoint } from '../kit/partner-subgraph.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import type { Database, DatabaseOptions } from '../kit/store/database.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';
import { openLogboekStore } from './store/migrations.js';

export const DEFAULT_LOGBOEK_DATA_DIR = '.data/logboek';

export interface LogboekSubgraphOptions {
  port?: number;
  host?: string;
  /** Default: PGlite in `.data/logboek`. */
  database?: DatabaseOptions;
  /**
   * Token verification as in every subgraph (the logboek uses only `verifier`: it makes no access
   * decisions and has no personal-data fields to record). Default: `verifierFromEnv()`.
   */
  access?: AccessDependencies;
  /**
   * Instead of `access.verifier`: the actor of a request's verified access token (only the
   * `authorization` header is passed); throws when there is none or it is invalid, and the request is
   * refused with UNAUTHENTICATED.
   */
  authenticate?: (headers: IncomingHttpHeaders) => Promise<Actor>;
}

export interface LogboekSubgraph extends RunningSubgraph {
  /** The store, connected as the logboek's INSERT/SELECT-only role. */
  db: Database;
}

export async function startLogboekSubgraph(options: LogboekSubgraphOptions = {}): Promise<LogboekSubgraph> {
  const access = logboekAccess(options);
  const db = await openLogboekStore(options.database ?? { dataDir: DEFAULT_LOGBOEK_DATA_DIR });
  let server: RunningSubgraph;
  try {
    server = await startSubgraphServer({
      name: 'logboek',
      resolvers,
      context: async (access): Promise<Context> => ({ actor: access.actor, db }),
      access,
      port: options.port,
      host: options.host,
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    ...server,
    db,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * The kit's access dependencies for the logboek: the token verifier of `authenticate`, `access` or the
 * environment. It has no per-entity rules (no access decisions to verify) and no personal-data fields
 * of its own to record, so without `access` those parts refuse to be used.
 */
function logboekAccess({ access, authenticate }: LogboekSubgraphOptions): AccessDependencies {
  const verifier: AccessDependencies['verifier'] = authenticate
    ? { verify: (authorization) => authenticate(authorization === undefined ? {} : { authorization }) }
    : (access?.verifier ?? verifierFromEnv());
  if (access) return { ...access, verifier };
  return {
    verifier,
    signer: {
      sign: () => {
        throw new Error('the logboek makes no access decisions');
      },
      verify: () => undefined,
    },
    auditSink: {
      vastleggen: async () => {
        throw new Error('the logboek has no personal-data fields to record');
      },
    },
  };
}

/** Where the logboek keeps its records when run on its own. */
export function logboekDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, schema: 'logboek' } : { dataDir: env.LOGBOEK_DATA_DIR || DEFAULT_LOGBOEK_DATA_DIR };
}

if (isEntryPoint(import.meta.url)) {
  const logboek = await startLogboekSubgraph({ ...listenOptionsFromEnv(SUBGRAPHS.logboek.port), database: logboekDatabaseFromEnv() });
  console.log(`logboek subgraph at ${logboek.url}`);
}
