/**
 * Starts one subgraph as its own HTTP server (Apollo Server + @apollo/subgraph). Every subgraph entry
 * (`subgraphs/<name>/server.ts`) uses this, so they all format partner errors the same way.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer, type StandaloneServerContextFunctionArgument } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { formatPartnerError } from './errors.js';

export interface SubgraphServerOptions<Ctx extends BaseContext> {
  /** e.g. `uwv`; the SDL is read from `schema/<name>.graphql`. */
  name: string;
  /** The subgraph's resolvers, typed at their definition by the generated `Resolvers` type. */
  resolvers: object;
  /** Builds the per-request context (fresh DataLoaders per request). */
  context: ContextFunction<[StandaloneServerContextFunctionArgument], Ctx>;
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
  // The generated resolver types are stricter than @apollo/subgraph's loose resolver map.
  const resolvers = options.resolvers as GraphQLResolverMap<unknown>;
  const schema = buildSubgraphSchema({ typeDefs: parse(subgraphSdl(options.name)), resolvers });
  const server = new ApolloServer<Ctx>({
    schema,
    formatError: formatPartnerError,
    includeStacktraceInErrorResponses: false,
    // The gateway is the public face; subgraphs only answer it.
    introspection: true,
    // No Apollo Studio here: do not compute federated traces for every response.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
    context: options.context,
  });
  return { name: options.name, url, stop: () => server.stop() };
}
