/**
 * SBB-style cursor paging and id lookups: `?limit=25&cursor=<opaque>` answers
 * `{ items, nextCursor }`; a limit above 25, a bad limit or an unknown cursor is HTTP 400
 * (problem+json). Lookups take at most 25 comma-separated ids.
 */
import { SandboxHttpError } from '../kit/partner-server.js';

/** SBB's maximum page size and maximum number of ids per lookup. */
export const MAX_PER_VERZOEK = 25;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`na:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, total: number): number {
  const match = /^na:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset > total) throw new SandboxHttpError(400, 'cursor is not valid');
  return offset;
}

function parseLimit(value: string | null): number {
  if (value === null) return MAX_PER_VERZOEK;
  const limit = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new SandboxHttpError(400, 'limit must be a positive whole number');
  if (limit > MAX_PER_VERZOEK) throw new SandboxHttpError(400, `limit may be at most ${MAX_PER_VERZOEK}`);
  return limit;
}

/** One page of `items` for the request's `limit` and `cursor`. */
export function pageOf<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limit = parseLimit(query.get('limit'));
  const cursor = query.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : decodeCursor(cursor, items.length);
  const end = offset + limit;
  return { items: items.slice(offset, end), nextCursor: end < items.length ? encodeCursor(end) : null };
}

/** The ids of a lookup (`?name=a,b`), at most 25, or null when the parameter is absent. */
export function lookupIds(query: URLSearchParams, name: string): string[] | null {
  const value = query.get(name);
  if (value === null) return null;
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new SandboxHttpError(400, `${name} is empty`);
  if (ids.length > MAX_PER_VERZOEK) throw new SandboxHttpError(400, `${name} takes at most ${MAX_PER_VERZOEK} ids`);
  return ids;
}
