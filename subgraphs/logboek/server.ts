/**
 * The logboek subgraph: the audit log of reads of personal data (LDV-shaped, append-only). Subgraphs
 * write to it directly with `vastleggen` (see client.ts); a `beheerder` reads it through the graph
 * with `verwerkingen`. Every request needs a valid access token — its actor is the actor of the
 * records written — and a service token: `vastleggen` only from the subgraphs that record reads,
 * everything else only from the router.
 *
 * Run on its own: `npx tsx subgraphs/logboek/server.ts` (PORT, default 4007; HOST; DATABASE_URL with
 * schema `logboek`, else PGlite in LOGBOEK_DATA_DIR, default `.data/logboek`; AUTH_* as in
 * kit/auth/auth-config.ts; DIENSTEN_JWKS as in kit/service-identity/service-keys.ts).
 */
import { loadAuthConfig } from '../../kit/auth/auth-config.js';
import { createTokenVerifier } from '../../kit/auth/token-verifier.js';
import { LOGBOEK_SCHRIJVERS } from '../../kit/service-identity/diensten.js';
import { dienstSleutelsFromEnv } from '../../kit/service-identity/service-keys.js';
import { dienstTokenVerifier } from '../../kit/service-identity/service-token.js';
import { probe } from '../../kit/http/readiness.js';
import { loadSettings, runEntry } from '../../kit/startup.js';
import { listenOptionsFromEnv, SUBGRAPHS } from '../../schema/subgraphs.js';
import type { AccessDependencies } from '../kit/access/access-context.js';
import type { AccessSettings } from '../kit/access/access-settings.js';
import { DEFAULT_DREMPEL } from '../kit/access/disclosure-control.js';
import { isEntryPoint } from '../kit/partner-subgraph.js';
import { startSubgraphServer, type RunningSubgraph } from '../kit/server.js';
import type { Database, DatabaseOptions } from '../kit/store/database.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';
import { openLogboekStore } from './store/migrations.js';

export const DEFAULT_LOGBOEK_DATA_DIR = '.data/logboek';

/**
 * What the logboek needs of a deployment's access settings: the token issuer (the actor of every
 * record) and the service keys (who calls). Not the decision key: it makes and reads no decisions.
 */
export type LogboekAccessSettings = Pick<AccessSettings, 'auth' | 'diensten'>;

export interface LogboekSubgraphOptions {
  port?: number;
  host?: string;
  /** Default: PGlite in `.data/logboek`. */
  database?: DatabaseOptions;
  /** Default: from the environment (`logboekAccessFromEnv`). */
  access?: LogboekAccessSettings;
}

export interface LogboekSubgraph extends RunningSubgraph {
  /** The store, connected as the logboek's INSERT/SELECT-only role. */
  db: Database;
}

export async function startLogboekSubgraph(options: LogboekSubgraphOptions = {}): Promise<LogboekSubgraph> {
  const access = logboekAccess(options.access ?? logboekAccessFromEnv());
  const db = await openLogboekStore(options.database ?? { dataDir: DEFAULT_LOGBOEK_DATA_DIR });
  let server: RunningSubgraph;
  try {
    server = await startSubgraphServer({
      name: 'logboek',
      resolvers,
      context: async (access): Promise<Context> => ({ actor: access.actor, aanroep: access.aanroep, db }),
      access,
      // Reads go through the router (beheerder); writes come from the subgraphs that record reads.
      aanroepers: { 'Mutation.vastleggen': LOGBOEK_SCHRIJVERS },
      // Without its store no read of personal data can be recorded, so none can be served.
      ready: async () => [await probe('store', () => db.query('SELECT 1'), { required: true })],
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

/** The logboek's access settings from the environment (AUTH_*, DIENSTEN_JWKS), all problems at once. */
export function logboekAccessFromEnv(env: NodeJS.ProcessEnv = process.env): LogboekAccessSettings {
  return loadSettings({ auth: () => loadAuthConfig(env), diensten: () => dienstSleutelsFromEnv('logboek', env) });
}

/**
 * The kit's access dependencies for the logboek: token and caller verification. It has no per-entity
 * rules (no access decisions to verify) and no personal-data fields of its own to record, so those
 * parts refuse to be used.
 */
function logboekAccess(settings: LogboekAccessSettings): AccessDependencies {
  return {
    verifier: createTokenVerifier(settings.auth),
    dienst: { naam: 'logboek', verifier: dienstTokenVerifier(settings.diensten, 'logboek') },
    // The logboek has no counts under disclosure control (only a beheerder reads it).
    onthulling: { drempel: DEFAULT_DREMPEL },
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
  await runEntry('logboek', async () => {
    const settings = loadSettings({ access: () => logboekAccessFromEnv(), listen: () => listenOptionsFromEnv(SUBGRAPHS.logboek.port) });
    const logboek = await startLogboekSubgraph({ ...settings.listen, access: settings.access, database: logboekDatabaseFromEnv() });
    console.log(`logboek subgraph at ${logboek.url}`);
    return logboek;
  });
}
