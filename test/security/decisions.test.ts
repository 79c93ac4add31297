/**
 * Findings 1, 2 and 8 of the trust issue, tried as an attacker would: straight on the subgraph ports,
 * with the access decisions (`toegang`) the loket hands the partner subgraphs.
 * 1. Forgeable decisions: a decision signed with the key that was a constant in the source let a
 *    werkgever read a non-consenting person's gemeente file and another employer's UWV relation.
 *    Now there is no such key, so such a decision is refused — and past the router, without its
 *    service identity, nothing is answered at all.
 * 2. Replayable decisions: a decision taken for a klantmanager of one gemeente was accepted with a
 *    token of another gemeente with the same `sub`. Now a decision holds only for the whole actor,
 *    the purpose pair and the client request it was made in, until it expires.
 * 8. Non-canonical encodings: a signature whose last character differs only in unused bits is the
 *    same bytes; it is refused, deterministically.
 * Nothing refused is read or logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { actorFromClaims } from '../../kit/auth/actor.js';
import { nieuwVerzoek } from '../../kit/service-identity/service-token.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { actorBinding, createDecisionSigner } from '../../subgraphs/kit/access/access-decision.js';
import { GEGEVENSCATEGORIEEN } from '../../subgraphs/kit/access/verwerkingsregister.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql, type GraphQLResponse } from '../support/graphql.js';
import { cast, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let c: Cast;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 23, kandidaten: 800, vacatures: 200, werkgevers: 200, malformedRate: 0 }, database: store.options, access: access.settings });
  c = cast(stack, '-besluit');
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

const TOEGANG = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Kandidaat { toegang } } }`;
const DOSSIER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Kandidaat { id gemeenteDossier { naam } } } }`;
const RELATIE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Werkgever { kvkNummer uwvRelatie { accountmanager } } } }`;

/** The loket's decision about `id` for `actor`, as the router gets it in client request `verzoek`. */
async function decision(actor: DevTokenClaims, id: string, purpose: Purpose, verzoek: string): Promise<string> {
  const r = await graphql(stack.subgraphs.loket.url, TOEGANG, { r: [{ __typename: 'Kandidaat', id }] }, await access.routerHeaders('loket', actor, purpose, verzoek));
  expect(r.errors).toBeUndefined();
  return r.data?._entities[0].toegang as string;
}

/** The gemeente subgraph's answer for a representation carrying `toegang`, called as the router does. */
async function dossier(actor: DevTokenClaims, id: string, toegang: string, purpose: Purpose, verzoek: string): Promise<GraphQLResponse<any>> {
  return graphql(stack.subgraphs.gemeente.url, DOSSIER, { r: [{ __typename: 'Kandidaat', id, toegang }] }, await access.routerHeaders('gemeente', actor, purpose, verzoek));
}

function refusal(response: GraphQLResponse): unknown {
  return response.errors?.map((e) => [e.extensions?.code, e.extensions?.reden]);
}

async function recordsOf(actor: DevTokenClaims): Promise<number> {
  const r = await graphql(stack.gatewayUrl, `query($a: String!) { verwerkingen(filter: { actor: $a }, first: 0) { totalCount } }`, { a: actor.sub }, await access.headers(c.actors.beheerder));
  return r.data?.verwerkingen.totalCount as number;
}

describe('access decisions handed to partner subgraphs', () => {
  it("serve the client's file to the klantmanager, in the request and for the purpose they were made for", async () => {
    const verzoek = nieuwVerzoek();
    const toegang = await decision(c.actors.klantmanagerGemeente, c.gemeenteKlant.id, PURPOSES.klantdossier, verzoek);
    const r = await dossier(c.actors.klantmanagerGemeente, c.gemeenteKlant.id, toegang, PURPOSES.klantdossier, verzoek);
    expect(r.errors).toBeUndefined();
    expect(r.data?._entities[0].gemeenteDossier).toEqual({ naam: expect.any(String) });
    expect(await recordsOf(c.actors.klantmanagerGemeente)).toBe(1);
  });

  it('finding 2: are refused with another organisation, role, purpose or request, even with the same sub', async () => {
    const km = c.actors.klantmanagerGemeente;
    const verzoek = nieuwVerzoek();
    const toegang = await decision(km, c.gemeenteKlant.id, PURPOSES.klantdossier, verzoek);
    const andereGemeente = km.organisatie === 'GM0193' ? 'GM0363' : 'GM0193';
    const attempts: [string, DevTokenClaims, Purpose, string][] = [
      ['another gemeente, same sub', { ...km, organisatie: andereGemeente }, PURPOSES.klantdossier, verzoek],
      ['another role, same sub', { ...km, rol: 'accountmanager' }, PURPOSES.voorstellen, verzoek],
      ['other regions, same sub', { ...km, regios: ['AM36', 'AM01'] }, PURPOSES.klantdossier, verzoek],
      ['another purpose', km, PURPOSES.voorstellen, verzoek],
      ['another client request', km, PURPOSES.klantdossier, nieuwVerzoek()],
    ];
    const before = await recordsOf(km);
    for (const [what, actor, purpose, inVerzoek] of attempts) {
      const r = await dossier(actor, c.gemeenteKlant.id, toegang, purpose, inVerzoek);
      expect(r.data?._entities[0].gemeenteDossier, what).toBeNull();
      expect(refusal(r), what).toEqual([['FORBIDDEN', 'BESLUIT_ONGELDIG']]);
    }
    expect(await recordsOf(km)).toBe(before);
  });

  it('are refused once expired', async () => {
    const km = c.actors.klantmanagerGemeente;
    const verzoek = nieuwVerzoek();
    const verlopen = access.signer.sign({ soort: 'Kandidaat', id: c.gemeenteKlant.id, actor: actorBinding(actorFromClaims(km)), doel: PURPOSES.klantdossier, verzoek, categorieen: [...GEGEVENSCATEGORIEEN], verloopt: Date.now() - 1 });
    expect(refusal(await dossier(km, c.gemeenteKlant.id, verlopen, PURPOSES.klantdossier, verzoek))).toEqual([['FORBIDDEN', 'BESLUIT_ONGELDIG']]);
  });

  it('finding 8: refuse every non-canonical spelling of a valid signature, and still accept the canonical one', async () => {
    const km = c.actors.klantmanagerGemeente;
    const verzoek = nieuwVerzoek();
    const toegang = await decision(km, c.gemeenteKlant.id, PURPOSES.klantdossier, verzoek);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(toegang.at(-1)!);
    // The last of 43 characters carries 4 bits of the MAC and 2 unused ones: 3 other characters decode alike.
    const aliases = [...alphabet].filter((_, i) => i !== last && i >> 2 === last >> 2).map((ch) => toegang.slice(0, -1) + ch);
    expect(aliases).toHaveLength(3);
    for (const alias of aliases) {
      expect(Buffer.from(alias.split('.')[1]!, 'base64url')).toEqual(Buffer.from(toegang.split('.')[1]!, 'base64url'));
      expect(refusal(await dossier(km, c.gemeenteKlant.id, alias, PURPOSES.klantdossier, verzoek))).toEqual([['FORBIDDEN', 'BESLUIT_ONGELDIG']]);
    }
    expect((await dossier(km, c.gemeenteKlant.id, toegang, PURPOSES.klantdossier, verzoek)).errors).toBeUndefined();
  });

  it('finding 1: a decision signed with the key once built into the source reads nothing, with or without the router identity', async () => {
    const published = createDecisionSigner({ sleutel: 'een-loket-sandbox-toegangssleutel-niet-voor-productie' });
    const werkgever = c.actors.werkgever;
    const verzoek = nieuwVerzoek();
    const binding = { actor: actorBinding(actorFromClaims(werkgever)), doel: PURPOSES.voorstellen, verzoek, verloopt: Date.now() + 60_000 };
    const persoon = published.sign({ soort: 'Kandidaat', id: c.gemeenteKlant.id, ...binding, categorieen: [...GEGEVENSCATEGORIEEN] });
    const employer = published.sign({ soort: 'Werkgever', id: c.andereWerkgever.kvkNummer, ...binding, toegestaan: true });

    // Without the router's service identity, the subgraphs do not answer at all.
    const direct = await graphql(stack.subgraphs.gemeente.url, DOSSIER, { r: [{ __typename: 'Kandidaat', id: c.gemeenteKlant.id, toegang: persoon }] }, await access.headers(werkgever, PURPOSES.voorstellen));
    expect(direct.data ?? null).toBeNull();
    expect(direct.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'dienst' });

    // With it (an insider on the router's host), the forged decisions are refused.
    const file = await dossier(werkgever, c.gemeenteKlant.id, persoon, PURPOSES.voorstellen, verzoek);
    expect(file.data?._entities[0].gemeenteDossier).toBeNull();
    expect(refusal(file)).toEqual([['FORBIDDEN', 'BESLUIT_ONGELDIG']]);
    const relatie = await graphql(stack.subgraphs.uwv.url, RELATIE, { r: [{ __typename: 'Werkgever', kvkNummer: c.andereWerkgever.kvkNummer, toegang: employer }] }, await access.routerHeaders('uwv', werkgever, PURPOSES.voorstellen, verzoek));
    expect(relatie.data?._entities[0].uwvRelatie).toBeNull();
    expect(refusal(relatie)).toEqual([['FORBIDDEN', 'BESLUIT_ONGELDIG']]);
    expect(await recordsOf(werkgever)).toBe(0);
  });
});
