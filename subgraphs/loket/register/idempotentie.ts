/**
 * Runs a write at most once per client-supplied idempotency key. The key belongs to the organisation
 * that writes (two organisations may pick the same key). In one transaction the key is claimed with
 * the hash of the request's body; the write and its result id follow. The same key again returns the
 * first result and writes nothing; with a different body, or for another operation, it is refused.
 * Two requests with one key at the same moment: the key's primary key makes the second wait for the
 * first transaction and then see its result (PostgreSQL), or the store runs them one after the other
 * (PGlite) — either way one write.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Database } from '../../kit/store/database.js';

export type Tx = Pick<Database, 'query'>;

export interface IdempotentVerzoek {
  organisatie: string;
  sleutel: string;
  /** e.g. `registreerContactmoment`. */
  operatie: string;
  /** The checked input; its canonical JSON is hashed. */
  inhoud: unknown;
}

export interface IdempotentResultaat<T> {
  waarde: T;
  /** True when the key was used before and this is the first request's result. */
  herhaald: boolean;
}

/** JSON with object keys sorted, so the same input always hashes the same. */
function canoniek(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canoniek).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canoniek((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function inhoudHash(inhoud: unknown): string {
  return createHash('sha256').update(canoniek(inhoud)).digest('hex');
}

export function idempotencyConflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'IDEMPOTENCY_CONFLICT', argument: 'idempotentieSleutel' } });
}

/**
 * `schrijf` writes (in the transaction) and returns the new record's id and value; `lees` reads the
 * value of an earlier result id. `binnen` runs the whole in one transaction (the caller's, so it can
 * add its audit record to it).
 */
export async function eenmalig<T>(
  tx: Tx,
  verzoek: IdempotentVerzoek,
  schrijf: () => Promise<{ id: string; waarde: T }>,
  lees: (id: string) => Promise<T>,
): Promise<IdempotentResultaat<T>> {
  const hash = inhoudHash(verzoek.inhoud);
  const geclaimd = await tx.query(
    `INSERT INTO idempotentie (organisatie, sleutel, operatie, inhoud_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisatie, sleutel) DO NOTHING RETURNING sleutel`,
    [verzoek.organisatie, verzoek.sleutel, verzoek.operatie, hash],
  );
  if (geclaimd.length === 1) {
    const { id, waarde } = await schrijf();
    await tx.query('UPDATE idempotentie SET resultaat_id = $3 WHERE organisatie = $1 AND sleutel = $2', [verzoek.organisatie, verzoek.sleutel, id]);
    return { waarde, herhaald: false };
  }
  const [eerder] = await tx.query<{ operatie: string; inhoud_hash: string; resultaat_id: string | null }>(
    'SELECT operatie, inhoud_hash, resultaat_id FROM idempotentie WHERE organisatie = $1 AND sleutel = $2',
    [verzoek.organisatie, verzoek.sleutel],
  );
  if (!eerder || eerder.resultaat_id === null) throw new Error(`idempotency key of ${verzoek.operatie} claimed without a result`);
  if (eerder.operatie !== verzoek.operatie) {
    throw idempotencyConflict(`idempotentieSleutel was already used by your organisation for ${eerder.operatie}; use a new key for each new request`);
  }
  if (eerder.inhoud_hash !== hash) {
    throw idempotencyConflict('idempotentieSleutel was already used by your organisation for a request with a different invoer; nothing was stored. Repeat a request with exactly the same invoer, or use a new key');
  }
  return { waarde: await lees(eerder.resultaat_id), herhaald: true };
}
