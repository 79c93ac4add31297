/**
 * Keyset pagination for Relay connections: a page is the rows after the cursor in a fixed order, the
 * cursor is the order key of a row (opaque base64url to clients), and `totalCount` counts all rows
 * matching the filter. Keyset paging stays fast on deep pages, unlike OFFSET.
 */
import { badInput } from '../../kit/errors.js';
import type { Database } from '../../kit/store/database.js';

export interface OrderKey {
  /** SQL expression, e.g. `bijgewerkt_op`. */
  column: string;
  direction: 'ASC' | 'DESC';
  /** How the value is carried in the cursor. */
  type: 'text' | 'int' | 'timestamptz' | 'date';
  /** Alias of the selected value in the row (the cursor is built from it). */
  alias: string;
}

export interface PageRequest {
  /** Everything after `SELECT`, with aliases used by `order`. */
  select: string;
  table: string;
  /** Filter conditions, ANDed; use `$1`.. placeholders in `params` order. */
  conditions: string[];
  params: unknown[];
  order: OrderKey[];
  first: number;
  after: string | null | undefined;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validates `first` (default 20, 0..100) with an error naming the argument. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, order: OrderKey[]): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === order.length &&
    values.every((v, i) => (order[i]?.type === 'int' ? Number.isInteger(v) : typeof v === 'string' && v.length < 200));
  if (!valid) throw badInput('after is not a cursor from this list; pass an endCursor you received', 'after');
  return values as unknown[];
}

/** `(a, b) after (x, y)` in the given directions, as SQL. */
function keysetCondition(order: OrderKey[], firstParam: number): string {
  const clauses = order.map((key, i) => {
    const equal = order.slice(0, i).map((k, j) => `${k.column} = $${firstParam + j}::${k.type}`);
    const beyond = `${key.column} ${key.direction === 'ASC' ? '>' : '<'} $${firstParam + i}::${key.type}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  return `(${clauses.join(' OR ')})`;
}

export async function keysetPage<T extends Record<string, unknown>>(db: Database, request: PageRequest): Promise<Page<T>> {
  const where = request.conditions.length > 0 ? `WHERE ${request.conditions.join(' AND ')}` : '';
  const [count] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${request.table} ${where}`, request.params);
  const totalCount = Number(count?.n ?? 0);

  const conditions = [...request.conditions];
  const params = [...request.params];
  if (request.after) {
    const values = decodeCursor(request.after, request.order);
    conditions.push(keysetCondition(request.order, params.length + 1));
    params.push(...values);
  }
  const pageWhere = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const orderBy = request.order.map((k) => `${k.column} ${k.direction}`).join(', ');
  params.push(request.first + 1);
  const rows = await db.query<T>(`SELECT ${request.select} FROM ${request.table} ${pageWhere} ORDER BY ${orderBy} LIMIT $${params.length}`, params);

  const hasNextPage = rows.length > request.first;
  const edges = rows.slice(0, request.first).map((node) => ({ cursor: encodeCursor(request.order.map((k) => node[k.alias])), node }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: Boolean(request.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    totalCount,
  };
}
