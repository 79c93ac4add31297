import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose.js';

describe('supergraph', () => {
  it('composes without errors and the committed schema/supergraph.graphql is up to date (run `npm run compose`)', () => {
    const composed = composeSupergraph();
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8') === composed, 'schema/supergraph.graphql is stale: run `npm run compose` and commit it').toBe(true);
  });
});
