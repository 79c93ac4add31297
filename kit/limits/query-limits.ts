/**
 * Limits on what one GraphQL operation may ask, checked before anything is planned or fetched, so a
 * single query cannot take a part down: the number of tokens (graphql's own parser stops at the
 * limit: `parseOptions`), the depth, aliases and directives (GraphQL Armor's rules), a cost in which lists count as many times as they may be long
 * (graphql-query-complexity: `first`, else 20 per page of a connection and 10 per other list of
 * objects), and for a subgraph the number of entity representations in one `_entities` call. Each
 * refusal is HTTP 400 with its own `extensions.code`, the limit in `extensions.limiet` and in the
 * message. The gateway enforces all of them; every subgraph enforces its own (it can be reached past
 * the router, if only by the router's service identity).
 */
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { getNamedType, getNullableType, GraphQLError, isListType, isObjectType, Kind, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationContext } from 'graphql';
import { positiveNumberFromEnv } from '../../schema/subgraphs.js';

export interface QueryLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Cost limit (see the module header); none for subgraphs, whose queries the router plans. */
  maxCost?: number;
  /** Most entity representations in one `_entities` call (subgraphs). */
  maxRepresentations?: number;
}

export const QUERY_LIMIT_CODES = {
  maxTokens: 'QUERY_TOO_MANY_TOKENS',
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'QUERY_TOO_MANY_ALIASES',
  maxDirectives: 'QUERY_TOO_MANY_DIRECTIVES',
  maxCost: 'QUERY_TOO_COSTLY',
  maxRepresentations: 'TOO_MANY_REPRESENTATIONS',
} as const satisfies Record<keyof QueryLimits, string>;

/** A page of a connection without `first` counts as this many items (the lists' default page size). */
export const DEFAULT_PAGE_COST = 20;
/** Any other list of objects counts as this many items. */
export const DEFAULT_LIST_COST = 10;

/** The gateway's limits: generous for every documented query, far below what took the stack down. */
export const GATEWAY_LIMITS: Required<Omit<QueryLimits, 'maxRepresentations'>> = { maxTokens: 2000, maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxCost: 20_000 };
/** A subgraph's limits on what the router (or anyone with its identity) sends it. */
export const SUBGRAPH_LIMITS: QueryLimits = { maxTokens: 5000, maxDepth: 15, maxAliases: 50, maxDirectives: 20, maxRepresentations: 500 };

/** The gateway's limits from the environment (QUERY_MAX_TOKENS, _DEPTH, _ALIASES, _DIRECTIVES, _COST). */
export function gatewayLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limit = (name: string, fallback: number) => positiveNumberFromEnv(name, fallback, 1_000_000, env);
  return {
    maxTokens: limit('QUERY_MAX_TOKENS', GATEWAY_LIMITS.maxTokens),
    maxDepth: limit('QUERY_MAX_DEPTH', GATEWAY_LIMITS.maxDepth),
    maxAliases: limit('QUERY_MAX_ALIASES', GATEWAY_LIMITS.maxAliases),
    maxDirectives: limit('QUERY_MAX_DIRECTIVES', GATEWAY_LIMITS.maxDirectives),
    maxCost: limit('QUERY_MAX_COST', GATEWAY_LIMITS.maxCost),
  };
}

function refusal(limit: keyof QueryLimits, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_LIMIT_CODES[limit], limiet: max, http: { status: 400 } } });
}

/**
 * What an Apollo Server needs to enforce `limits`: the parser's token limit, and a plugin for the
 * rest. Give its errors their code with `formatQueryLimitError`.
 */
export function queryLimits<C extends BaseContext>(limits: QueryLimits): { parseOptions: NonNullable<ApolloServerOptions<C>['parseOptions']>; plugin: ApolloServerPlugin<C> } {
  return { parseOptions: { maxTokens: limits.maxTokens }, plugin: useQueryLimits(limits) };
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;

/** The parser's refusal of too many tokens as a refusal with its own code; other errors unchanged. */
export function formatQueryLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (!tokens) return formatted;
  const max = Number(tokens[1]);
  return { message: `Query has more than ${max} tokens (the limit); ask for less in one request`, extensions: { code: QUERY_LIMIT_CODES.maxTokens, limiet: max } };
}

function useQueryLimits<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName }) {
          shapeLimits(schema, document, limits);
          if (limits.maxRepresentations !== undefined) representationLimit(document, request.variables ?? {}, limits.maxRepresentations);
          if (limits.maxCost !== undefined) costLimit(schema, document, request.variables ?? {}, operationName ?? undefined, limits.maxCost);
        },
      };
    },
  };
}

/** Depth, aliases and directives, with GraphQL Armor's rules; the first limit exceeded is refused. */
function shapeLimits(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): void {
  const found: GraphQLError[] = [];
  const onReject = (limit: keyof QueryLimits, max: number, what: string) => [
    (_: ValidationContext | null, error: GraphQLError) => found.push(refusal(limit, max, `${error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')}: ${what}`)),
  ];
  const common = { exposeLimits: true, propagateOnRejection: false };
  validate(schema, document, [
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: onReject('maxDepth', limits.maxDepth, 'ask for less nesting') }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: onReject('maxAliases', limits.maxAliases, 'use fewer aliases, or several requests') }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: onReject('maxDirectives', limits.maxDirectives, 'use fewer directives') }),
  ]);
  if (found[0]) throw found[0];
}

/** Lists cost as many times as they may be long; every field costs 1. */
const listAwareCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : undefined;
  const returns = getNullableType(field.type);
  const ofObjects = isObjectType(getNamedType(field.type)) || childComplexity > 0;
  let items = 1;
  if (first !== undefined) items = first;
  else if ('first' in args || field.args.some((a) => a.name === 'first')) items = DEFAULT_PAGE_COST;
  // A connection's edges are as many as its `first`, counted on the connection field already.
  else if (isListType(returns) && ofObjects && !type.name.endsWith('Connection')) items = DEFAULT_LIST_COST;
  return 1 + items * childComplexity;
};

function costLimit(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined, max: number): void {
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [listAwareCost] });
  } catch (error) {
    // More fields than graphql-query-complexity evaluates at all (10,000 nodes) is too costly; wrong
    // variables are left to GraphQL's own error, which follows before anything is fetched.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw refusal('maxCost', max, `Query has more than 10000 fields to evaluate, far over the cost limit of ${max}`);
    }
    return;
  }
  if (cost > max) {
    throw refusal('maxCost', max, `Query cost ${cost} exceeds the limit of ${max} (each field costs 1, a list as many times as its \`first\`, else ${DEFAULT_PAGE_COST} per page and ${DEFAULT_LIST_COST} per other list); ask for smaller pages or fewer fields`);
  }
}

/** The number of representations of every `_entities` selection, literal or in a variable. */
function representationLimit(document: DocumentNode, variables: Record<string, unknown>, max: number): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
      const value = selection.arguments?.find((a) => a.name.value === 'representations')?.value;
      const count = value?.kind === Kind.LIST ? value.values.length : value?.kind === Kind.VARIABLE ? (Array.isArray(variables[value.name.value]) ? (variables[value.name.value] as unknown[]).length : 0) : 0;
      if (count > max) throw refusal('maxRepresentations', max, `_entities got ${count} representations; at most ${max} in one call`);
    }
  }
}
