/**
 * Starts one subgraph as its own HTTP server (Apollo Server + @apollo/subgraph). Every subgraph entry
 * (`subgraphs/<name>/server.ts`) uses this, so they all format partner errors the same way and all
 * enforce the access rules of their SDL: the forwarded token is verified again here, a request without
 * a valid one is refused (except the router's `_service` SDL query), and fields with `@toegang` /
 * `@persoonsgegevens` are guarded (see access/enforce-access.ts).
 */
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer, type StandaloneServerContextFunctionArgument } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, type OperationDefinitionNode } from 'graphql';
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
  context: (access: AccessContext, args: StandaloneServerContextFunctionArgument) => Promise<Ctx>;
  /** Token verification, decision signing and the audit log's client. */
  access: AccessDependencies;
  port?: number;
  host?: string;
}

export interface RunningSubgraph {
  name: string;
  /** GraphQL endpoint, e.g. `http://127.0.0.1:4003/`. */
  url: string;
  stop(): Promise<void>;
}

/** The SDL of a subgraph, from `schema/<name>.graphql`. */
export function subgraphSdl(name: string): string {
  return readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8');
}

export async function startSubgraphServer<Ctx extends BaseContext>(options: SubgraphServerOptions<Ctx>): Promise<RunningSubgraph> {
  const typeDefs = parse(subgraphSdl(options.name));
  // The generated resolver types are stricter than @apollo/subgraph's loose resolver map.
  const resolvers = withAccessRules(typeDefs, options.resolvers) as GraphQLResolverMap<unknown>;
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  const resource = `een-loket/${options.name}`;
  const server = new ApolloServer<Ctx & { access: AccessContext }>({
    schema,
    formatError: formatPartnerError,
    includeStacktraceInErrorResponses: false,
    // The gateway is the public face; subgraphs only answer it.
    introspection: true,
    // No Apollo Studio here: do not compute federated traces for every response.
    plugins: [ApolloServerPluginInlineTraceDisabled(), requireAuthentication()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
    context: async (args) => {
      const access = await createAccessContext(args.req.headers, resource, options.access);
      return { ...(await options.context(access, args)), access };
    },
  });
  return { name: options.name, url, stop: () => server.stop() };
}

/** Fields a router may ask without a user's token: the subgraph's own SDL. */
const OPEN_ROOT_FIELDS = new Set(['_service', '__typename']);

/** Refuses, with 401, every operation of a request without a valid token, except the SDL query. */
function requireAuthentication<C extends { access: AccessContext }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.access.actor) return;
          const open = isOpen(operation);
          if (!open) throw unauthenticated(contextValue.access.authenticationError);
        },
      };
    },
  };
}

function isOpen(operation: OperationDefinitionNode | undefined): boolean {
  return operation?.selectionSet.selections.every((s) => s.kind === 'Field' && OPEN_ROOT_FIELDS.has(s.name.value)) ?? false;
}
