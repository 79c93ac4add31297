/**
 * Validated reads of a list from a source: raw records through the resource's schema for the
 * source's format, bad records becoming issues that name the system, the record key and the field.
 */
import type { z } from 'zod';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import { field, validateIdentified, validateRecords, type IdentifiedRecords, type ValidationContext, type Validated } from '../kit/validate.js';
import type { Resource } from './resources.js';
import type { GemeenteSource } from './source.js';

/** Per requested key: the valid record, the issue of its malformed record, or absent when unknown. */
export type LookupResult<T> = Map<string, { record: T } | { issue: PartnerRecordIssue }>;

function schemaFor<T>(source: GemeenteSource, resource: Resource<T>): z.ZodType<T> {
  return source.bron.formaat === 'json' ? resource.json : resource.csv;
}

function context<T>(source: GemeenteSource, resource: Resource<T>): ValidationContext {
  return { bron: 'GEMEENTE', bronSysteem: source.bron.id, recordSoort: resource.recordSoort, recordKey: (raw) => field(raw, resource.sleutelVeld) };
}

export function validateFor<T>(source: GemeenteSource, resource: Resource<T>, raws: readonly unknown[]): Validated<T> {
  return validateRecords(schemaFor(source, resource), raws, context(source, resource));
}

/** Identity first (see `validateIdentified`): also the records whose `identity` is readable but the rest is not. */
export function validateIdentifiedFor<I, T>(source: GemeenteSource, resource: Resource<T>, identity: z.ZodType<I>, raws: readonly unknown[]): IdentifiedRecords<I, T> {
  return validateIdentified(identity, schemaFor(source, resource), raws, context(source, resource));
}

/** Every page of a list, validated. */
export async function* readPages<T>(source: GemeenteSource, resource: Resource<T>): AsyncIterable<Validated<T>> {
  for await (const raws of source.pages(resource)) yield validateFor(source, resource, raws);
}

/** Looks records up by key; rejects with `PartnerUnavailableError` when the system fails. */
export async function lookupRecords<T>(source: GemeenteSource, resource: Resource<T>, keys: readonly string[]): Promise<LookupResult<T>> {
  const { records, issues } = validateFor(source, resource, await source.lookup(resource, keys));
  const result: LookupResult<T> = new Map();
  for (const record of records) result.set(resource.sleutel(record), { record });
  for (const issue of issues) result.set(issue.record, { issue });
  return result;
}
