/**
 * Writes and reads the logboek's records. Rows keep the LDV names (columns `trace_id`, `span_id`, …,
 * `resource` and `attributes` with the LDV keys); the functions here translate to and from the
 * friendly fields of the GraphQL `Verwerking`. Only INSERT and SELECT: the log is append-only.
 */
import type { Actor } from '../../../kit/auth/actor.js';
import { badInput } from '../../kit/errors.js';
import type { Database } from '../../kit/store/database.js';

export type VerwerkingStatus = 'OK' | 'ERROR' | 'UNSET';

export interface ForeignOperation {
  traceId: string;
  spanId: string;
  /** URI of the other organisation. */
  entity: string;
}

/** One record to write, already validated; the actor is added from the token. */
export interface NieuweVerwerking {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  naam: string;
  startTijd: string;
  eindTijd: string;
  status: VerwerkingStatus;
  resource: string;
  verwerkingsactiviteit: string;
  doelbinding: string;
  betrokkene: string;
  velden: string[];
  foreignOperation: ForeignOperation | null;
}

/** A record as the GraphQL `Verwerking` shows it. */
export interface VerwerkingModel extends NieuweVerwerking {
  id: string;
  /** The client request (router request id) the operation belonged to; null for records from before it was kept. */
  verzoek: string | null;
  actor: { sub: string; rol: string; organisatie: string | null };
  vastgelegdOp: string;
}

/** LDV attribute keys (`dpl.core.*`, Logius-standaarden/logboek-dataverwerkingen) and our own. */
export const ATTRIBUTE = {
  processingActivityId: 'dpl.core.processing_activity_id',
  dataSubjectId: 'dpl.core.data_subject_id',
  dataSubjectIdType: 'dpl.core.data_subject_id_type',
  doelbinding: 'een_loket.doelbinding',
  actorSub: 'een_loket.actor.sub',
  actorRol: 'een_loket.actor.rol',
  actorOrganisatie: 'een_loket.actor.organisatie',
  velden: 'een_loket.velden',
  verzoek: 'een_loket.verzoek',
} as const;

/** `dpl.core.data_subject_id_type` of every record: the subject is the graph's pseudonym (`Kandidaat.id`). */
export const DATA_SUBJECT_ID_TYPE = 'een-loket/kandidaat-pseudoniem';

const STATUS_CODE: Record<VerwerkingStatus, string> = { UNSET: 'STATUS_CODE_UNSET', OK: 'STATUS_CODE_OK', ERROR: 'STATUS_CODE_ERROR' };
const STATUS: Record<string, VerwerkingStatus> = { STATUS_CODE_UNSET: 'UNSET', STATUS_CODE_OK: 'OK', STATUS_CODE_ERROR: 'ERROR' };

/** Who made the records: the actor of the verified user token, and the client request of the caller's service token. */
export interface Vastlegger {
  actor: Actor;
  verzoek: string | null;
}

/** Writes all records in one transaction, the actor and request of each from `door`; returns how many were written. */
export async function vastleggen(db: Database, records: readonly NieuweVerwerking[], door: Vastlegger): Promise<number> {
  const { actor } = door;
  if (records.length === 0) return 0;
  const rows = records.map((r) => ({
    trace_id: r.traceId,
    span_id: r.spanId,
    parent_span_id: r.parentSpanId,
    name: r.naam,
    start_time: r.startTijd,
    end_time: r.eindTijd,
    status_code: STATUS_CODE[r.status],
    foreign_operation: r.foreignOperation ? { trace_id: r.foreignOperation.traceId, span_id: r.foreignOperation.spanId, entity: r.foreignOperation.entity } : null,
    resource: { 'service.name': r.resource },
    attributes: {
      [ATTRIBUTE.processingActivityId]: r.verwerkingsactiviteit,
      [ATTRIBUTE.dataSubjectId]: r.betrokkene,
      [ATTRIBUTE.dataSubjectIdType]: DATA_SUBJECT_ID_TYPE,
      [ATTRIBUTE.doelbinding]: r.doelbinding,
      [ATTRIBUTE.actorSub]: actor.sub,
      [ATTRIBUTE.actorRol]: actor.rol,
      [ATTRIBUTE.actorOrganisatie]: actor.organisatie ?? null,
      [ATTRIBUTE.velden]: r.velden,
      [ATTRIBUTE.verzoek]: door.verzoek,
    },
  }));
  return db.transaction(async (tx) => {
    const [result] = await tx.query<{ aantal: number }>(
      `WITH nieuw AS (
         INSERT INTO verwerkingen (trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, foreign_operation, resource, attributes)
         SELECT r.trace_id, r.span_id, r.parent_span_id, r.name, r.start_time, r.end_time, r.status_code, r.foreign_operation, r.resource, r.attributes
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, nr)
         CROSS JOIN LATERAL jsonb_to_record(e.value) AS r(trace_id text, span_id text, parent_span_id text, name text, start_time timestamptz,
           end_time timestamptz, status_code text, foreign_operation jsonb, resource jsonb, attributes jsonb)
         ORDER BY e.nr
         RETURNING 1
       )
       SELECT count(*)::int AS aantal FROM nieuw`,
      [JSON.stringify(rows)],
    );
    return Number(result?.aantal ?? 0);
  });
}

export interface VerwerkingenFilter {
  betrokkene?: string | null;
  actor?: string | null;
  organisatie?: string | null;
  /** ISO 8601, inclusive, on `start_time`. */
  van?: string | null;
  /** ISO 8601, exclusive, on `start_time`. */
  tot?: string | null;
  traceId?: string | null;
}

export interface VerwerkingenPageRequest extends VerwerkingenFilter {
  first: number;
  after?: string | null;
}

export interface VerwerkingenPage {
  edges: { cursor: string; node: VerwerkingModel }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

interface Row {
  volgnummer: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: Date | string;
  end_time: Date | string;
  status_code: string;
  foreign_operation: { trace_id: string; span_id: string; entity: string } | null;
  resource: Record<string, unknown>;
  attributes: Record<string, unknown>;
  vastgelegd_op: Date | string;
}

/**
 * A page of records, newest written first (keyset on the sequence number), with the filter's total.
 * The order names the table's column: the bare name would mean the text alias selected for the
 * cursor, and sort `99` before `100`.
 */
export async function verwerkingenPage(db: Database, request: VerwerkingenPageRequest): Promise<VerwerkingenPage> {
  const after = request.after ? decodeCursor(request.after) : null;
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (sql: (p: string) => string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  where((p) => `attributes ->> '${ATTRIBUTE.dataSubjectId}' = ${p}`, request.betrokkene);
  where((p) => `attributes ->> '${ATTRIBUTE.actorSub}' = ${p}`, request.actor);
  where((p) => `attributes ->> '${ATTRIBUTE.actorOrganisatie}' = ${p}`, request.organisatie);
  where((p) => `start_time >= ${p}::timestamptz`, request.van);
  where((p) => `start_time < ${p}::timestamptz`, request.tot);
  where((p) => `trace_id = ${p}`, request.traceId);
  const filterSql = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM verwerkingen ${filterSql}`, params);

  where((p) => `volgnummer < ${p}::bigint`, after);
  params.push(request.first + 1);
  const pageSql = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query<Row>(
    `SELECT volgnummer::text AS volgnummer, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code,
            foreign_operation, resource, attributes, vastgelegd_op
     FROM verwerkingen ${pageSql} ORDER BY verwerkingen.volgnummer DESC LIMIT $${params.length}`,
    params,
  );
  const edges = rows.slice(0, request.first).map((row) => ({ cursor: encodeCursor(row.volgnummer), node: toModel(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: Boolean(request.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: Number(count?.n ?? 0),
  };
}

function toModel(row: Row): VerwerkingModel {
  const a = row.attributes;
  const text = (key: string) => (typeof a[key] === 'string' ? (a[key] as string) : '');
  const velden = a[ATTRIBUTE.velden];
  return {
    id: row.volgnummer,
    verzoek: text(ATTRIBUTE.verzoek) || null,
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    naam: row.name,
    startTijd: iso(row.start_time),
    eindTijd: iso(row.end_time),
    status: STATUS[row.status_code] ?? 'UNSET',
    resource: typeof row.resource['service.name'] === 'string' ? row.resource['service.name'] : '',
    verwerkingsactiviteit: text(ATTRIBUTE.processingActivityId),
    doelbinding: text(ATTRIBUTE.doelbinding),
    betrokkene: text(ATTRIBUTE.dataSubjectId),
    actor: { sub: text(ATTRIBUTE.actorSub), rol: text(ATTRIBUTE.actorRol), organisatie: text(ATTRIBUTE.actorOrganisatie) || null },
    velden: Array.isArray(velden) ? velden.filter((v): v is string => typeof v === 'string') : [],
    foreignOperation: row.foreign_operation
      ? { traceId: row.foreign_operation.trace_id, spanId: row.foreign_operation.span_id, entity: row.foreign_operation.entity }
      : null,
    vastgelegdOp: iso(row.vastgelegd_op),
  };
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

const CURSOR_PREFIX = 'verwerking:';

function encodeCursor(volgnummer: string): string {
  return Buffer.from(CURSOR_PREFIX + volgnummer).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,60}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const volgnummer = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^[1-9]\d{0,17}$/.test(volgnummer)) throw badInput('after is not a cursor from this list; pass an endCursor you received', 'after');
  return volgnummer;
}
