/**
 * Abuse of the gateway, as the hardening issue found it: one query froze the whole stack (a 50-level
 * cycle gemeente → arbeidsmarktregio → gemeenten, 100 aliases of an employer page, 250 levels, an
 * 8.5 MB query text). Each of these, and their cousins (directive bombs, fragment cycles, a huge
 * `first`, token floods, batched arrays, malformed and oversized bodies, wrong content types), is
 * refused with a clear code before anything is planned or fetched — no partner is asked — and the
 * gateway answers a normal query right after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let headers: Record<string, string>;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 31, kandidaten: 300, vacatures: 100, werkgevers: 100, malformedRate: 0 }, database: store.options, access: access.settings });
  headers = await access.headers({ sub: 'am-misbruik', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

function partnerCalls(): number {
  return Object.values(stack.sandboxes).reduce((sum, s) => sum + s.counters().total, 0);
}

async function post(body: string, contentType = 'application/json'): Promise<{ status: number; json: any }> {
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const NORMAL = '{ arbeidsmarktregio(code: "AM36") { naam werkgevers(first: 2) { edges { node { kvkNummer uwvRelatie { accountmanager } } } } } }';

/** The cycle of the finding: gemeente → arbeidsmarktregio → gemeenten, `levels` times. */
function cycle(levels: number): string {
  let inner = 'code';
  for (let i = 0; i < levels; i++) inner = `arbeidsmarktregio { gemeenten { ${inner} } }`;
  return `{ gemeente(code: "GM0193") { ${inner} } }`;
}

const EMPLOYER_PAGE = 'werkgevers(first: 20) { edges { node { kvkNummer naam bronnen uwvRelatie { accountmanager laatsteContact } gemeenteRelaties { lksPlaatsingen } } } }';

describe('query limits at the gateway', () => {
  const cases: [string, () => string, number, string, RegExp][] = [
    ['a 50-level cycle gemeente → arbeidsmarktregio → gemeenten', () => cycle(50), 400, 'QUERY_TOO_DEEP', /Query depth limit of 10 exceeded, found \d+: ask for less nesting/],
    ['a query 250 levels deep', () => cycle(250), 400, 'QUERY_TOO_DEEP', /depth limit of 10/],
    // The finding's query is far over the token limit before its aliases are even counted.
    ['100 aliases of an employer page', () => `{ arbeidsmarktregio(code: "AM36") { ${Array.from({ length: 100 }, (_, i) => `p${i}: ${EMPLOYER_PAGE}`).join(' ')} } }`, 400, 'QUERY_TOO_MANY_TOKENS', /more than 2000 tokens/],
    ['16 aliases of a small page', () => `{ arbeidsmarktregio(code: "AM36") { ${Array.from({ length: 16 }, (_, i) => `p${i}: werkgevers(first: 1) { totalCount }`).join(' ')} } }`, 400, 'QUERY_TOO_MANY_ALIASES', /Aliases limit of 15 exceeded, found 16: use fewer aliases/],
    ['a directive bomb', () => `{ arbeidsmarktregio(code: "AM36") { naam ${'... @include(if: true) { naam } '.repeat(20)} } }`, 400, 'QUERY_TOO_MANY_DIRECTIVES', /Directives limit of 10 exceeded/],
    ['a huge first', () => `{ arbeidsmarktregio(code: "AM36") { kandidaten(first: 1000000) { edges { node { id competenties gemeente { naam } } } } } }`, 400, 'QUERY_TOO_COSTLY', /Query cost \d+ exceeds the limit of 20000/],
    ['wide nesting under the depth limit', () => `{ arbeidsmarktregio(code: "AM36") { kandidaten(first: 100) { edges { node { gemeente { arbeidsmarktregio { werkgevers(first: 100) { edges { node { naam } } } } } } } } } }`, 400, 'QUERY_TOO_COSTLY', /exceeds the limit of 20000/],
    ['a flood of tokens', () => `{ arbeidsmarktregio(code: "AM36") { naam ${'__typename '.repeat(3000)} } }`, 400, 'QUERY_TOO_MANY_TOKENS', /more than 2000 tokens/],
    ['a fragment cycle', () => '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', 400, 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself/],
  ];

  it.each(cases)('refuses %s before any partner is asked, and then serves a normal query', async (_, query, status, code, message) => {
    const before = partnerCalls();
    const r = await post(JSON.stringify({ query: query() }));
    expect(r.status).toBe(status);
    expect(r.json.data ?? null).toBeNull();
    expect(r.json.errors[0].extensions.code).toBe(code);
    expect(r.json.errors[0].message).toMatch(message);
    expect(partnerCalls()).toBe(before);
    const normal = await post(JSON.stringify({ query: NORMAL }));
    expect(normal.json.errors).toBeUndefined();
    expect(normal.json.data.arbeidsmarktregio.werkgevers.edges).toHaveLength(2);
  });

  it('names the limit in extensions.limiet', async () => {
    const r = await post(JSON.stringify({ query: cycle(50) }));
    expect(r.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limiet: 10 });
  });

  it('refuses malformed and oversized bodies, wrong content types and batched arrays with a JSON error', async () => {
    const before = partnerCalls();
    const bodies: [string, string, number, string][] = [
      ['{"query": "{ arbeidsmarktregio', 'application/json', 400, 'BAD_REQUEST'],
      [JSON.stringify({ query: NORMAL, pad: 'x'.repeat(1_100_000) }), 'application/json', 413, 'PAYLOAD_TOO_LARGE'],
      [`query=${encodeURIComponent(NORMAL)}`, 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [JSON.stringify([{ query: NORMAL }, { query: NORMAL }]), 'application/json', 400, 'BAD_REQUEST'],
    ];
    for (const [body, contentType, status, code] of bodies) {
      const r = await post(body, contentType).catch(() => undefined);
      // A body over the limit may be cut off while it is still being sent; it is never read.
      if (r === undefined && status === 413) continue;
      expect(r?.status, body.slice(0, 40)).toBe(status);
      expect(r?.json.errors[0].extensions.code, body.slice(0, 40)).toBe(code);
    }
    expect(partnerCalls()).toBe(before);
    expect((await post(JSON.stringify({ query: NORMAL }))).json.errors).toBeUndefined();
  });

  it('every subgraph protects itself too: too many representations or too deep, even from the router', async () => {
    const before = partnerCalls();
    const representations = Array.from({ length: 501 }, (_, i) => ({ __typename: 'Werkgever', kvkNummer: String(10_000_000 + i) }));
    const batch = await fetch(stack.subgraphs.uwv.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await access.routerHeaders('uwv', { sub: 'am-misbruik', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] })) },
      body: JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Werkgever { kvkNummer } } }', variables: { r: representations } }),
    });
    expect(batch.status).toBe(400);
    expect((await batch.json()).errors[0]).toMatchObject({ message: '_entities got 501 representations; at most 500 in one call', extensions: { code: 'TOO_MANY_REPRESENTATIONS', limiet: 500 } });
    const deep = await fetch(stack.subgraphs.loket.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await access.routerHeaders('loket', { sub: 'am-misbruik', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] })) },
      body: JSON.stringify({ query: cycle(20) }),
    });
    expect((await deep.json()).errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limiet: 15 });
    expect(partnerCalls()).toBe(before);
  });
});
