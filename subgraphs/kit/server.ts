/**
 * Starts one subgraph as its own HTTP server (Apollo Server + @apollo/subgraph, on the HTTP kit of
 * kit/http). Every subgraph entry (`subgraphs/<name>/server.ts`) uses this, so they all format partner
 * errors the same way and all enforce, on every request:
 * - service identity: only the parts that should call this subgraph may — by default the router;
 *   per root field more or other callers (`aanroepers`, e.g. the subgraphs that write to the logboek);
 *   a call without a valid service token is refused with 401 before anything else, `_service` and
 *   introspection included;
 * - the user: the forwarded token is verified again here; an operation without a valid one is refused
 *   (except the router's own `_service` SDL query and introspection);
 * - the access rules of the SDL: fields with `@toegang` / `@persoonsgegevens` are guarded (see
 *   access/enforce-access.ts);
 * - limits on depth, aliases, directives, tokens and `_entities` batch size (kit/limits), as a
 *   subgraph may be reached past the router.
 * No landing page, no CORS: subgraphs answer the router, never a browser.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { deadlineMsFromEnv, startGraphQLHttpServer } from '../../kit/http/graphql-http-server.js';
import type { Check } from '../../kit/http/readiness.js';
import { formatQueryLimitError, queryLimits, SUBGRAPH_LIMITS } from '../../kit/limits/query-limits.js';
import { ROUTER, type Dienst } from '../../kit/service-identity/diensten.js';
import { createAccessContext, type AccessContext, type AccessDependencies } from './access/access-context.js';
import { unauthenticated } from './access/access-errors.js';
import { withAccessRules } from './access/enforce-access.js';
import { formatPartnerError } from './errors.js';

export interface SubgraphServerOptions<Ctx extends BaseContext> {
  /** e.g. `uwv`; the SDL is read from `schema/<name>.graphql`. */
  name: string;
  /** The subgraph's resolvers, typed at their definition by the generated `Resolvers` type. */
  resolvers: object;
  /** Builds the per-request context (fresh DataLoaders per request), given the request's access state. */
  context: (access: AccessContext) => Promise<Ctx>;
  /** Token verification, decision signing, service identity and the audit log's client. */
  access: AccessDependencies;
  /**
   * Parts allowed to call a root field (`Mutation.vastleggen`) other than the default, the router.
   * A field listed here is open to exactly the parts listed.
   */
  aanroepers?: Readonly<Record<string, readonly Dienst[]>>;
  /** Readiness checks for `/ready` (store, partner warm-up); none: ready once listening. */
  ready?: () => Promise<Check[]>;
  port?: number;
  host?: string;
}

export interface RunningSubgraph {
  name: string;
  /** GraphQL endpoint, e.g. `http://127.0.0.1:4003/`. */
  url: string;
  /** Stops taking requests and lets in-flight ones finish (see kit/http). */
  stop(): Promise<void>;
}

/** The SDL of a subgraph, from `schema/<name>.graphql`. */
export function subgraphSdl(name: string): string {
  return readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8');
}

export async function startSubgraphServer<Ctx extends BaseContext>(options: SubgraphServerOptions<Ctx>): Promise<RunningSubgraph> {
  const typeDefs = parse(subgraphSdl(options.name));
  // The generated resolver types are stricter than @apollo/subgraph's loose resolver map.
  const resolvers = withAccessRules(typeDefs, options.resolvers, options.access.onthulling) as GraphQLResolverMap<unknown>;
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  const limits = queryLimits<Ctx & { access: AccessContext }>(SUBGRAPH_LIMITS);
  const server = await startGraphQLHttpServer<Ctx & { access: AccessContext }>({
    apollo: ({ drain }) =>
      new ApolloServer<Ctx & { access: AccessContext }>({
        schema,
        formatError: (formatted, error) => formatQueryLimitError(formatPartnerError(formatted, error)),
        parseOptions: limits.parseOptions,
        includeStacktraceInErrorResponses: false,
        // Only the router's service identity gets this far (see requireCallers).
        introspection: true,
        // No Apollo Studio here: do not compute federated traces for every response.
        plugins: [drain, ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), requireCallers(options.access.dienst.naam, options.aanroepers ?? {}), limits.plugin],
      }),
    context: async ({ headers }) => {
      const access = await createAccessContext(headers, options.access);
      return { ...(await options.context(access)), access };
    },
    port: options.port,
    host: options.host,
    ready: options.ready,
    // The router sends the time left; this is for a caller that sends none.
    deadlineMs: deadlineMsFromEnv(),
  });
  return { name: options.name, url: server.url, stop: server.stop };
}

/** Root fields a router may ask without a user's token: the subgraph's own SDL and introspection. */
const OPEN_ROOT_FIELDS = new Set(['_service', '__typename', '__schema', '__type']);

/**
 * Refuses, with 401, a request without a valid service token of a part allowed to call every root
 * field of the operation, and an operation without a valid user token (except the open fields).
 */
function requireCallers<C extends { access: AccessContext }>(self: Dienst, aanroepers: Readonly<Record<string, readonly Dienst[]>>): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const { access } = contextValue;
          if (!access.aanroep) throw dienstUnauthenticated(access.dienstFout?.message ?? `the ${self} answers only the parts of this deployment`);
          const fields = rootFields(operation, document);
          for (const coordinate of fields.coordinates) {
            const allowed = aanroepers[coordinate] ?? [ROUTER];
            if (!allowed.includes(access.aanroep.van)) {
              throw dienstUnauthenticated(`${coordinate} is for ${allowed.join(', ')} only, not for the ${access.aanroep.van}`);
            }
          }
          if (access.actor || fields.names.every((name) => OPEN_ROOT_FIELDS.has(name))) return;
          throw unauthenticated(access.authenticationError);
        },
      };
    },
  };
}

function dienstUnauthenticated(message: string): GraphQLError {
  return new GraphQLError(`Not a caller of this subgraph: ${message}`, { extensions: { code: 'UNAUTHENTICATED', reason: 'dienst', http: { status: 401 } } });
}

/**
 * The root fields an operation selects — through inline fragments and fragment spreads too, so a
 * field cannot slip past the caller check inside `... on Mutation { … }` — by name and as coordinates.
 */
function rootFields(operation: OperationDefinitionNode | undefined, document: DocumentNode): { names: string[]; coordinates: string[] } {
  if (!operation) return { names: [], coordinates: [] };
  const type = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return { names: [...names], coordinates: [...names].filter((name) => !name.startsWith('__')).map((name) => `${type}.${name}`) };
}
