/**
 * No silent nulls for records of a source system that could not be read. A partner subgraph learns
 * which partner key belongs to which public id by reading each source system's lists; while a system's
 * read has failed, its records are unknown here and their fields would come back null as if the
 * partner had nothing. The loket index says which source systems hold each entity (`bronSystemen`,
 * passed in by `@requires`): when a field finds nothing and one of those systems is unread, the field
 * answers `PARTNER_UNAVAILABLE` with `categorie` `NIET_GELEZEN` naming that system instead.
 */
import type { GraphQLFieldResolver } from 'graphql';
import { PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';

type Unread = () => ReadonlyMap<string, PartnerUnavailableError>;

/** Wraps every field resolver of every type (not reference resolvers) with the unread-system check. */
export function reportUnreadSystems<R extends object>(resolvers: R, unread: Unread): R {
  const wrapped: Record<string, unknown> = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (typeof fields !== 'object' || fields === null || typeName === 'Query' || typeName === 'Mutation') {
      wrapped[typeName] = fields;
      continue;
    }
    wrapped[typeName] = Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([field, resolve]) => [field, field.startsWith('__') || typeof resolve !== 'function' ? resolve : checked(resolve as GraphQLFieldResolver<unknown, unknown>, unread)]),
    );
  }
  return wrapped as R;
}

function checked(resolve: GraphQLFieldResolver<unknown, unknown>, unread: Unread): GraphQLFieldResolver<unknown, unknown> {
  return async (parent, args, context, info) => {
    const value = await resolve(parent, args, context, info);
    if (!isEmpty(value)) return value;
    const error = unreadSystemOf(parent, unread());
    if (error) throw new PartnerUnavailableError(error.bron, error.bronSysteem, 'NIET_GELEZEN', { detail: `${info.parentType.name}.${info.fieldName}: ${error.message}`, cause: error });
    return value;
  };
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/** The first unread system among those the loket says hold this record (none when the record did not come with `bronSystemen`). */
function unreadSystemOf(parent: unknown, unread: ReadonlyMap<string, PartnerUnavailableError>): PartnerUnavailableError | undefined {
  if (unread.size === 0 || typeof parent !== 'object' || parent === null) return undefined;
  const systemen = (parent as { bronSystemen?: unknown }).bronSystemen;
  if (!Array.isArray(systemen)) return undefined;
  for (const systeem of systemen) {
    const error = typeof systeem === 'string' ? unread.get(systeem) : undefined;
    if (error) return error;
  }
  return undefined;
}
