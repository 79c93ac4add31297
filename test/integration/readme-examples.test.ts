/**
 * The README's example queries, run exactly as printed against the data `npm start` serves (demo
 * scale, default seed), through the gateway — each with a token for the claims of the
 * `npm run -s token -- …` command printed above it, and the purpose headers named there.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';

interface Example {
  query: string;
  claims: DevTokenClaims;
  headers: Record<string, string>;
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Each ```graphql block with the token command and headers of the paragraph before it. */
const examples: Example[] = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match, i, all) => {
  const before = readme.slice(i === 0 ? 0 : (all[i - 1]!.index ?? 0) + all[i - 1]![0].length, match.index);
  const command = [...before.matchAll(/`npm run -s token -- ([^`]+)`/g)].at(-1)?.[1];
  if (!command) throw new Error(`README example ${i + 1} names no token command`);
  const { values } = parseArgs({ args: command.split(/\s+/), options: { rol: { type: 'string' }, organisatie: { type: 'string' }, regio: { type: 'string', multiple: true }, kvk: { type: 'string' } } });
  // The first pair named is the example's own; later ones describe what happens next.
  const headers: Record<string, string> = {};
  for (const [, name, value] of before.matchAll(/`(x-doelbinding|x-verwerking): ([^`]+)`/g)) headers[name!] ??= value!;
  return { query: match[1]!, claims: { rol: values.rol!, organisatie: values.organisatie, regios: values.regio, kvk: values.kvk }, headers };
});

const access = testAccess();
const store = testDatabase();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', database: store.options, access: access.settings });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

async function run(example: Example, variables?: Record<string, unknown>, claims: DevTokenClaims = example.claims, headers = example.headers) {
  return graphql(stack.gatewayUrl, example.query, variables, { ...(await access.headers(claims)), ...headers });
}

describe('README example queries', () => {
  it('has the five documented examples, each with a role', () => {
    expect(examples.map((e) => e.claims.rol)).toEqual(['analist', 'accountmanager', 'klantmanager', 'klantmanager', 'accountmanager']);
  });

  it('region overview answers with the region, its gemeenten and counts', async () => {
    const { data, errors } = await run(examples[0]!);
    expect(errors).toBeUndefined();
    expect(data?.arbeidsmarktregio.naam).toBe('Regio Zwolle');
    expect(data?.arbeidsmarktregio.gemeenten).toHaveLength(16);
    expect(data?.arbeidsmarktregio.kandidaten.totalCount).toBeGreaterThan(0);
    expect(data?.arbeidsmarktregio.gedeeld.totalCount).toBeGreaterThan(0);
    expect(data?.arbeidsmarktregio.instrumenten.length).toBeGreaterThan(0);
  });

  it("the employer example merges at least three partners' parts", async () => {
    const { data, errors } = await run(examples[1]!);
    expect(errors).toBeUndefined();
    const node = data?.arbeidsmarktregio.werkgevers.edges[0]?.node;
    const parts = [node.uwvRelatie, node.gemeenteRelaties.length > 0 ? node.gemeenteRelaties : null, node.swDetacheringen, node.leerbedrijf, node.lidmaatschap].filter((p) => p !== null);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(node.bronnen.length).toBeGreaterThanOrEqual(4);
  });

  it("the candidates example pages through the klantmanager's own clients with their files", async () => {
    const first = await run(examples[2]!);
    expect(first.errors).toBeUndefined();
    const page = first.data?.arbeidsmarktregio.kandidaten;
    expect(page.edges).toHaveLength(10);
    for (const edge of page.edges) expect(edge.node.gemeenteDossier).not.toBeNull();
    const second = await run(examples[2]!, { after: page.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const ids = new Set(page.edges.map((e: { node: { id: string } }) => e.node.id));
    for (const edge of second.data?.arbeidsmarktregio.kandidaten.edges) expect(ids.has(edge.node.id)).toBe(false);
  });

  it('the consent example lets the named employer read the UWV file on the next request', async () => {
    const page = await run(examples[2]!);
    const kandidaat = (page.data?.arbeidsmarktregio.kandidaten.edges as { node: { id: string; uwvDossier: unknown } }[]).find((e) => e.node.uwvDossier !== null)?.node.id;
    expect(kandidaat).toBeDefined();
    const werkgever = stack.world.werkgevers.find((w) => w.regioCode === 'AM36')!.kvkNummer;
    const tot = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const registratie = await run(examples[3]!, { kandidaat, werkgever, tot });
    expect(registratie.errors).toBeUndefined();
    expect(registratie.data?.registreerToestemming).toMatchObject({ id: expect.any(String), actief: true });
    const employer = await graphql(stack.gatewayUrl, 'query($id: ID!) { kandidaat(id: $id) { uwvDossier { uitkering } } }', { id: kandidaat }, await access.headers({ rol: 'werkgever', kvk: werkgever, regios: ['AM36'] }, { doelbinding: 'bemiddeling', verwerking: 'kandidaat-voorstellen' }));
    expect(employer.errors).toBeUndefined();
    expect(employer.data?.kandidaat.uwvDossier).not.toBeNull();
  });

  it('the contact example registers once per key and delivers to UWV, with the KvK number the README names', async () => {
    const example = examples[4]!;
    expect(example.headers).toEqual({ 'x-doelbinding': 'werkgeversdienstverlening', 'x-verwerking': 'werkgeverscontact-registreren' });
    const werkgever = /e\.g\. `(\d{8})` \(/.exec(readme)?.[1];
    expect(werkgever).toBeDefined();
    const variables = { werkgever, datum: new Date().toISOString().slice(0, 10), sleutel: randomUUID() };
    const eerste = await run(example, variables);
    expect(eerste.errors).toBeUndefined();
    expect(eerste.data?.registreerContactmoment).toMatchObject({ herhaald: false, contactmoment: { organisatie: 'UWV', levering: { bron: 'UWV', bronSysteem: 'uwv' } }, vensterDagen: 30 });
    const tweede = await run(example, variables);
    expect(tweede.data?.registreerContactmoment).toMatchObject({ herhaald: true, contactmoment: { id: eerste.data?.registreerContactmoment.contactmoment.id } });
  });
});
