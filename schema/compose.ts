/**
 * Composes the six subgraph SDLs into `schema/supergraph.graphql` with @apollo/composition
 * (`npm run compose`). The supergraph is committed; the gateway serves it without introspecting
 * subgraphs at run time, and `schema/supergraph.test.ts` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, defaultSubgraphUrl } from './subgraphs.js';

export const SUPERGRAPH_PATH = new URL('./supergraph.graphql', import.meta.url);

/** Composes the current SDL files; throws with every composition error listed. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: defaultSubgraphUrl(name),
      typeDefs: parse(readFileSync(new URL(`./${name}.graphql`, import.meta.url), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
    console.log(`wrote ${SUPERGRAPH_PATH.pathname}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
