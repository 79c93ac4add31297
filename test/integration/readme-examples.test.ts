/**
 * The README's example queries, run exactly as printed against the data `npm start` serves (demo
 * scale, default seed), through the gateway.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const store = testDatabase();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', database: store.options });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

describe('README example queries', () => {
  it('has the three documented examples', () => {
    expect(examples).toHaveLength(3);
  });

  it('region overview answers with the region, its gemeenten and counts', async () => {
    const { data, errors } = await graphql(stack.gatewayUrl, examples[0] as string);
    expect(errors).toBeUndefined();
    expect(data?.arbeidsmarktregio.naam).toBe('Regio Zwolle');
    expect(data?.arbeidsmarktregio.gemeenten).toHaveLength(16);
    expect(data?.arbeidsmarktregio.kandidaten.totalCount).toBeGreaterThan(0);
    expect(data?.arbeidsmarktregio.gedeeld.totalCount).toBeGreaterThan(0);
    expect(data?.arbeidsmarktregio.instrumenten.length).toBeGreaterThan(0);
  });

  it('the employer example merges at least three partners\' parts', async () => {
    const { data, errors } = await graphql(stack.gatewayUrl, examples[1] as string);
    expect(errors).toBeUndefined();
    const node = data?.arbeidsmarktregio.werkgevers.edges[0]?.node;
    const parts = [node.uwvRelatie, node.gemeenteRelaties.length > 0 ? node.gemeenteRelaties : null, node.swDetacheringen, node.leerbedrijf, node.lidmaatschap].filter((p) => p !== null);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(node.bronnen.length).toBeGreaterThanOrEqual(4);
  });

  it('the candidates example pages with its cursor', async () => {
    const first = await graphql(stack.gatewayUrl, examples[2] as string);
    expect(first.errors).toBeUndefined();
    const page = first.data?.arbeidsmarktregio.kandidaten;
    expect(page.edges).toHaveLength(10);
    const second = await graphql(stack.gatewayUrl, examples[2] as string, { after: page.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const ids = new Set(page.edges.map((e: { node: { id: string } }) => e.node.id));
    for (const edge of second.data?.arbeidsmarktregio.kandidaten.edges) expect(ids.has(edge.node.id)).toBe(false);
  });
});
