/**
 * JSON:API (v1.1) as the werkgeversvereniging sandbox speaks it: reading `page[...]`, `filter[...]`
 * and `include` parameters, rendering paged documents with `meta` and `links`, and answering bad
 * requests with a JSON:API `errors` document instead of problem+json.
 */
import type { SandboxRequest, SandboxResponse } from '../kit/partner-server.js';

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** At most this many values in one `filter[...]` parameter. */
export const MAX_FILTER_VALUES = 100;

export interface ResourceIdentifier {
  type: string;
  id: string;
}

export interface JsonApiResource extends ResourceIdentifier {
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: ResourceIdentifier | null }>;
}

/** One entry of a JSON:API `errors` array. */
export interface JsonApiErrorObject {
  status: string;
  code: string;
  title: string;
  detail: string;
  /** What the error is about: a query `parameter`, a JSON `pointer` into the request document, or a request `header`. */
  source?: { parameter: string } | { pointer: string } | { header: string };
}

/** Thrown while reading a request; `jsonApiRoute` turns it into a 400 `errors` document. */
export class JsonApiRequestError extends Error {
  constructor(readonly error: JsonApiErrorObject) {
    super(error.detail);
  }
}

function badParameter(parameter: string, code: string, detail: string): JsonApiRequestError {
  return new JsonApiRequestError({ status: '400', code, title: 'Invalid query parameter', detail, source: { parameter } });
}

export interface PageRequest {
  number: number;
  size: number;
}

/** Reads `page[number]` (1-based) and `page[size]` (1..100, default 20). */
export function readPage(query: URLSearchParams): PageRequest {
  return {
    number: readPositiveInt(query, 'page[number]', 1, Number.MAX_SAFE_INTEGER),
    size: readPositiveInt(query, 'page[size]', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

function readPositiveInt(query: URLSearchParams, parameter: string, fallback: number, max: number): number {
  const raw = query.get(parameter);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw badParameter(parameter, 'invalid-page-parameter', `${parameter} must be an integer from 1 to ${max}`);
  }
  return value;
}

/** Any `filter[...]` other than the supported ones is a 400, as JSON:API requires. */
export function checkFilters(query: URLSearchParams, supported: readonly string[]): void {
  for (const key of query.keys()) {
    const match = /^filter\[(.+)\]$/.exec(key);
    if (match && !supported.includes(match[1] ?? '')) {
      throw badParameter(key, 'unsupported-filter', `${key} is not supported here; supported: ${supported.map((s) => `filter[${s}]`).join(', ') || 'none'}`);
    }
  }
}

/** The comma-separated values of `filter[<name>]` (at most 100), or null when it is absent. */
export function readFilter(query: URLSearchParams, name: string): string[] | null {
  const raw = query.get(`filter[${name}]`);
  if (raw === null) return null;
  const values = [...new Set(raw.split(',').map((v) => v.trim()).filter((v) => v !== ''))];
  if (values.length > MAX_FILTER_VALUES) {
    throw badParameter(`filter[${name}]`, 'too-many-filter-values', `filter[${name}] takes at most ${MAX_FILTER_VALUES} values, got ${values.length}`);
  }
  return values;
}

/** Reads `include`; a relationship path the resource does not support is a 400 (JSON:API). */
export function readInclude(query: URLSearchParams, supported: readonly string[]): Set<string> {
  const raw = query.get('include');
  const paths = raw === null ? [] : raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const path of paths) {
    if (!supported.includes(path)) throw badParameter('include', 'unsupported-include', `include=${path} is not supported here`);
  }
  return new Set(paths);
}

export interface PagedDocumentInput<T> {
  request: SandboxRequest;
  page: PageRequest;
  /** Every item matching the request, in list order; the page is cut from it. */
  items: readonly T[];
  /** The primary resource of an item. */
  resource: (item: T) => JsonApiResource;
  /** Resources to put in `included` for an item; omit when the request asked for no `include`. */
  included?: (item: T) => JsonApiResource[];
}

/** A top-level document for one page: `data`, optional `included`, `meta` totals and paging `links`. */
export function pagedDocument<T>({ request, page, items, resource, included }: PagedDocumentInput<T>): SandboxResponse {
  const totalPages = Math.max(1, Math.ceil(items.length / page.size));
  const pageItems = items.slice((page.number - 1) * page.size, page.number * page.size);
  const link = (number: number) => pageLink(request, number);
  const links: Record<string, string> = { self: link(page.number), first: link(1), last: link(totalPages) };
  if (page.number > 1) links.prev = link(Math.min(page.number - 1, totalPages));
  if (page.number < totalPages) links.next = link(page.number + 1);
  const document = {
    jsonapi: { version: '1.1' },
    meta: { totalResources: items.length, totalPages },
    links,
    data: pageItems.map(resource),
    ...(included ? { included: pageItems.flatMap(included) } : {}),
  };
  return { status: 200, contentType: JSONAPI_MEDIA_TYPE, body: JSON.stringify(document) };
}

function pageLink(request: SandboxRequest, number: number): string {
  const params = new URLSearchParams(request.query);
  params.set('page[number]', String(number));
  return `${request.path}?${params.toString()}`;
}

/** Wraps a handler so request errors come back as a JSON:API `errors` document. */
export function jsonApiErrors(handle: (request: SandboxRequest) => SandboxResponse): (request: SandboxRequest) => SandboxResponse {
  return (request) => {
    try {
      return handle(request);
    } catch (error) {
      if (!(error instanceof JsonApiRequestError)) throw error;
      return { status: Number(error.error.status), contentType: JSONAPI_MEDIA_TYPE, body: JSON.stringify({ jsonapi: { version: '1.1' }, errors: [error.error] }) };
    }
  };
}
