/**
 * How the gateway calls one subgraph: Apollo's RemoteGraphQLDataSource, which
 * - forwards `authorization`, `x-doelbinding` and `x-verwerking` exactly as the client sent them (each
 *   subgraph verifies the token and enforces access itself);
 * - proves it is the router with a service token for that one subgraph (`x-dienst-token`), bound to
 *   the client request's id and to the user's token (kit/service-identity);
 * - sends a W3C `traceparent`: the client's when
 *   it sent a valid one, else one in the trace the gateway started for this client request (one trace
 *   id for all subgraph calls of a request, a new span id per call);
 * - gives the call no more than the subgraph timeout and the request's time left (kit/deadline.ts),
 *   and tells the subgraph the time left in `x-deadline-ms`;
 * - calls through the subgraph's circuit breaker (subgraph-breaker.ts), so a subgraph that hangs or
 *   is down is refused at once after repeated failures instead of costing every request its deadline;
 * - turns failures of the call itself (subgraph down, timeout, HTTP error, breaker open) into an error
 *   that names the subgraph by name — `extensions.code` `SUBGRAPH_UNAVAILABLE`, `extensions.subgraph`,
 *   `extensions.categorie`, `extensions.retryable` — instead of exposing its internal URL. The rest of
 *   the response is still served. Errors a subgraph returns in its own response (partner errors) pass
 *   through unchanged.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ANSWER_MARGIN_MS, DEADLINE_HEADER, remainingMs } from '../kit/deadline.js';
import type { Dienst } from '../kit/service-identity/diensten.js';
import { DIENST_TOKEN_HEADER, type DienstTokenMinter } from '../kit/service-identity/service-token.js';
import type { GatewayContext } from './request-context.js';
import { newTraceparent } from '../kit/trace-context.js';
import { SubgraphCallError, type SubgraphBreaker } from './subgraph-breaker.js';

export class SubgraphDataSource extends RemoteGraphQLDataSource<Partial<GatewayContext>> {
  constructor(
    readonly subgraph: Dienst,
    url: string,
    private readonly minter: DienstTokenMinter,
    private readonly breaker: SubgraphBreaker,
  ) {
    // Node's own fetch, aborted at the subgraph timeout or the request's deadline, whichever comes first.
    super({ url, fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(Math.max(1, Math.min(breaker.timeoutMs, remainingMs() ?? breaker.timeoutMs))) } as RequestInit) as never });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(DIENST_TOKEN_HEADER, await this.minter.mint(this.subgraph, context.verzoek ?? null, context.accessToken));
    const left = remainingMs();
    if (left !== undefined) headers.set(DEADLINE_HEADER, String(Math.max(1, left - ANSWER_MARGIN_MS)));
    const forward: Partial<Record<string, string>> = context.forwardHeaders ?? {};
    for (const [name, value] of Object.entries(forward)) {
      if (value !== undefined) headers.set(name, value);
    }
    // Health checks and schema loading have no client request, hence no trace.
    if (context.trace) {
      headers.set('traceparent', context.trace.traceparent ?? newTraceparent(context.trace.traceId));
      if (context.trace.tracestate !== undefined) headers.set('tracestate', context.trace.tracestate);
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>): ReturnType<RemoteGraphQLDataSource['process']> {
    // Whether the subgraph timeout, not the client's shorter time left, bounds this call.
    const ownTimeout = (remainingMs() ?? Number.POSITIVE_INFINITY) > this.breaker.timeoutMs;
    try {
      return await this.breaker.execute(() => super.process(options), ownTimeout);
    } catch (error) {
      const failure = error instanceof SubgraphCallError ? error : undefined;
      throw new GraphQLError(`Subgraph "${this.subgraph}" did not answer (${failure?.reason ?? 'the call failed'}); its fields are null`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph, categorie: failure?.categorie ?? 'ONBEREIKBAAR', retryable: true },
      });
    }
  }
}
