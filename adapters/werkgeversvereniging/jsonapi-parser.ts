/**
 * Reads a JSON:API top-level document from the partner's response text. The envelope must be sound
 * (otherwise the whole response is unusable and the source counts as unavailable); the resources in
 * `data` stay raw, to be validated one by one so one bad record never fails the page.
 */
import { z } from 'zod';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import type { WvSource } from './source.js';

const ErrorObject = z.object({ status: z.string().optional(), title: z.string().optional(), detail: z.string().optional() });

const Document = z.object({
  data: z.array(z.unknown()).optional(),
  included: z.array(z.unknown()).optional(),
  links: z.object({ next: z.string().nullable().optional() }).optional(),
  errors: z.array(ErrorObject).optional(),
});

const Identifier = z.object({ type: z.string(), id: z.string() });

export interface JsonApiDocument {
  /** The primary resources, unvalidated. */
  data: unknown[];
  /** Included resources by `type/id`. */
  included: Map<string, unknown>;
  /** True when `links.next` says there is a further page. */
  hasNext: boolean;
}

export function parseJsonApiDocument(text: string, source: WvSource): JsonApiDocument {
  const unusable = (why: string) => new PartnerUnavailableError(source.bron, source.bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `response is not a JSON:API document: ${why}` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unusable('invalid JSON');
  }
  const parsed = Document.safeParse(json);
  if (!parsed.success) throw unusable(parsed.error.issues[0]?.path.join('.') || 'not an object');
  const { data, included, links, errors } = parsed.data;
  if (errors && errors.length > 0) {
    const first = errors[0];
    throw new PartnerUnavailableError(source.bron, source.bronSysteem, 'HTTP_FOUT', { detail: `JSON:API error ${first?.status ?? ''} ${first?.title ?? ''}: ${first?.detail ?? ''}`.trim() });
  }
  if (!data) throw unusable('no data member');
  return { data, included: indexIncluded(included ?? []), hasNext: typeof links?.next === 'string' };
}

function indexIncluded(resources: unknown[]): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const resource of resources) {
    const identifier = Identifier.safeParse(resource);
    if (identifier.success) index.set(`${identifier.data.type}/${identifier.data.id}`, resource);
  }
  return index;
}

/**
 * The included resource a relationship of `resource` points to: null when the relationship is empty
 * (`data: null`), undefined when the linkage or the included resource is missing.
 */
export function includedFor(document: JsonApiDocument, resource: unknown, relationship: string): unknown {
  const linkage = z
    .object({ relationships: z.record(z.string(), z.object({ data: Identifier.nullable() })) })
    .safeParse(resource);
  if (!linkage.success) return undefined;
  const data = linkage.data.relationships[relationship]?.data;
  if (data === null) return null;
  if (data === undefined) return undefined;
  return document.included.get(`${data.type}/${data.id}`);
}
