/**
 * How the gateway calls one subgraph: Apollo's RemoteGraphQLDataSource, with failures of the call
 * itself (subgraph down, timeout, HTTP error) turned into an error that names the subgraph by name —
 * `extensions.code` `SUBGRAPH_UNAVAILABLE`, `extensions.subgraph` — instead of exposing its internal URL.
 * The rest of the response is still served. Errors a subgraph returns in its own response (partner
 * errors) pass through unchanged.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly subgraph: string,
    url: string,
  ) {
    super({ url });
  }

  override async process(options: GraphQLDataSourceProcessOptions): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      const reason = describe(error);
      throw new GraphQLError(`Subgraph "${this.subgraph}" did not answer (${reason}); its fields are null`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph },
      });
    }
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === 'string') return code;
  const status = (error as { extensions?: { response?: { status?: unknown } } })?.extensions?.response?.status;
  return typeof status === 'number' ? `HTTP ${status}` : 'request failed';
}
