import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../kit/auth/actor.js';
import type { AccessContext } from './access-context.js';
import { actorBinding, createDecisionSigner, type KandidaatBesluit, type WerkgeverBesluit } from './access-decision.js';
import { createAuditTrail, type AuditRecord } from './audit-trail.js';
import { withAccessRules } from './enforce-access.js';

const typeDefs = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@composeDirective"])
    @link(url: "https://een-loket.example/toegang/v0.1", import: ["@toegang", "@persoonsgegevens", "@onthullingscontrole"])
    @composeDirective(name: "@toegang") @composeDirective(name: "@persoonsgegevens") @composeDirective(name: "@onthullingscontrole")
  directive @toegang(rollen: [String!]!, perEntiteit: Boolean = false) on FIELD_DEFINITION
  directive @persoonsgegevens(categorie: String!) on FIELD_DEFINITION
  directive @onthullingscontrole on FIELD_DEFINITION
  type Query { kandidaat: Kandidaat werkgever: Werkgever telling: Int @toegang(rollen: ["analist"]) aantal: Int @onthullingscontrole }
  type Kandidaat @key(fields: "id") {
    id: ID!
    toegang: String! @external
    dossier: String @requires(fields: "toegang") @toegang(rollen: ["klantmanager", "werkgever"], perEntiteit: true) @persoonsgegevens(categorie: "UWV_DOSSIER")
  }
  type Werkgever @key(fields: "kvkNummer") {
    kvkNummer: ID!
    toegang: String! @external
    relatie: String @requires(fields: "toegang") @toegang(rollen: ["accountmanager", "werkgever"], perEntiteit: true)
  }
`);

const signer = createDecisionSigner({ sleutel: 's'.repeat(32) });
const klantmanager: Actor = { sub: 'km-1', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };
const purpose = { doelbinding: 're-integratie', verwerking: 'klantdossier-inzien' };
const VERZOEK = 'c'.repeat(32);
const binding = { actor: actorBinding(klantmanager), doel: purpose, verzoek: VERZOEK };
const kandidaatBesluit = (over: Partial<KandidaatBesluit> = {}): string =>
  signer.sign({ soort: 'Kandidaat', id: 'kd_1', ...binding, categorieen: ['UWV_DOSSIER'], verloopt: Date.now() + 60_000, ...over });
const werkgeverBesluit = (over: Partial<WerkgeverBesluit> = {}): string =>
  signer.sign({ soort: 'Werkgever', id: '12345678', ...binding, toegestaan: true, verloopt: Date.now() + 60_000, ...over });

const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: withAccessRules(
    typeDefs,
    {
      Query: {
        kandidaat: (_: unknown, __: unknown, ctx: { toegang: string }) => ({ id: 'kd_1', toegang: ctx.toegang }),
        werkgever: (_: unknown, __: unknown, ctx: { toegang: string }) => ({ kvkNummer: '12345678', toegang: ctx.toegang }),
        telling: () => 7,
        aantal: (_: unknown, __: unknown, ctx: { aantal: number }) => ctx.aantal,
      },
      Kandidaat: { dossier: () => 'WW sinds 2025' },
      Werkgever: { relatie: () => 'accountmanager J. Jansen' },
    },
    { drempel: 5 },
  ) as GraphQLResolverMap<unknown>,
});

function run(query: string, options: { actor?: Actor; purpose?: boolean; toegang?: string; auditFails?: boolean; aantal?: number }) {
  const written: AuditRecord[] = [];
  const sink = {
    vastleggen: async (records: AuditRecord[]) => {
      if (options.auditFails) throw new Error('logboek down');
      written.push(...records);
    },
  };
  const access: AccessContext = {
    actor: options.actor,
    authenticationError: options.actor ? undefined : new Error('no token'),
    purpose: options.purpose === false ? { ok: false, reason: 'header x-doelbinding is missing' } : { ok: true, purpose },
    signer,
    aanroep: { van: 'router', verzoek: VERZOEK },
    traceId: 'c'.repeat(32),
    audit: createAuditTrail({ sink, resource: 'een-loket/test', authorization: 'Bearer t', verzoek: VERZOEK, purpose, traceId: 'c'.repeat(32), parentSpanId: null }),
  };
  const result = execute({ schema, document: parse(query), contextValue: { access, toegang: options.toegang, aantal: options.aantal } }) as Promise<{ data?: any; errors?: readonly { message: string; extensions: Record<string, unknown> }[] }>;
  return result.then((r) => ({ ...r, written }));
}

describe('access rules enforced from the SDL', () => {
  it('refuse everything guarded without an authenticated actor', async () => {
    const { data, errors } = await run('{ telling }', {});
    expect(data.telling).toBeNull();
    expect(errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuse a role the field does not list, and serve the rest', async () => {
    const { data, errors } = await run('{ telling kandidaat { id } }', { actor: klantmanager });
    expect(data).toEqual({ telling: null, kandidaat: { id: 'kd_1' } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'ROL', veld: 'Query.telling' });
  });

  it('return personal data only with a purpose, a valid decision granting its category, and an audit record', async () => {
    const granted = await run('{ kandidaat { dossier } }', { actor: klantmanager, toegang: kandidaatBesluit() });
    expect(granted.data.kandidaat.dossier).toBe('WW sinds 2025');
    expect(granted.written).toMatchObject([{ betrokkene: 'kd_1', velden: ['Kandidaat.dossier'], status: 'OK' }]);

    const noPurpose = await run('{ kandidaat { dossier } }', { actor: klantmanager, purpose: false, toegang: kandidaatBesluit() });
    expect(noPurpose.data.kandidaat.dossier).toBeNull();
    expect(noPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'DOELBINDING' });
    expect(noPurpose.written).toEqual([]);
  });

  it('refuse forged, foreign or ungranted decisions without reading or auditing', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'BESLUIT_ONGELDIG'],
      // The first signature character carries 6 bits of the MAC: changing it always changes the MAC.
      [kandidaatBesluit().replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`), 'BESLUIT_ONGELDIG'],
      [kandidaatBesluit({ actor: { ...binding.actor, sub: 'someone-else' } }), 'BESLUIT_ONGELDIG'],
      [kandidaatBesluit({ actor: { ...binding.actor, organisatie: 'GM0363' } }), 'BESLUIT_ONGELDIG'],
      [kandidaatBesluit({ id: 'kd_2' }), 'BESLUIT_ONGELDIG'],
      [kandidaatBesluit({ doel: { doelbinding: 'bemiddeling', verwerking: 'kandidaat-voorstellen' } }), 'BESLUIT_ONGELDIG'],
      [kandidaatBesluit({ verzoek: 'd'.repeat(32) }), 'BESLUIT_ONGELDIG'],
      [kandidaatBesluit({ categorieen: [], weigering: { reden: 'GEEN_KLANTRELATIE_OF_TOESTEMMING', melding: 'no client relation' } }), 'GEEN_KLANTRELATIE_OF_TOESTEMMING'],
    ];
    for (const [toegang, reden] of cases) {
      const { data, errors, written } = await run('{ kandidaat { dossier } }', { actor: klantmanager, toegang });
      expect(data.kandidaat.dossier).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden });
      expect(written).toEqual([]);
    }
  });

  it('withhold personal data when the audit log cannot record the read', async () => {
    const { data, errors } = await run('{ kandidaat { dossier } }', { actor: klantmanager, toegang: kandidaatBesluit(), auditFails: true });
    expect(data.kandidaat.dossier).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE', veld: 'Kandidaat.dossier' });
  });

  it('apply employer decisions, without auditing employer data', async () => {
    const accountmanager: Actor = { sub: 'km-1', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: ['AM36'] };
    const voor = { actor: actorBinding(accountmanager) };
    const allowed = await run('{ werkgever { relatie } }', { actor: accountmanager, toegang: werkgeverBesluit(voor) });
    expect(allowed.data.werkgever.relatie).toBe('accountmanager J. Jansen');
    expect(allowed.written).toEqual([]);
    // A decision for the klantmanager with the same sub does not hold for this accountmanager.
    const ander = await run('{ werkgever { relatie } }', { actor: accountmanager, toegang: werkgeverBesluit() });
    expect(ander.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'BESLUIT_ONGELDIG' });
    const refused = await run('{ werkgever { relatie } }', { actor: accountmanager, toegang: werkgeverBesluit({ ...voor, toegestaan: false, weigering: { reden: 'REGIO', melding: 'outside your regions' } }) });
    expect(refused.data.werkgever.relatie).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'REGIO' });
  });

  it('give a role that sees counts only a count under disclosure control, and others the exact count', async () => {
    const analist: Actor = { sub: 'an-1', rol: 'analist', organisatie: 'CBS', regios: ['AM36'] };
    const klein = await run('{ aantal }', { actor: analist, aantal: 3 });
    expect(klein.data.aantal).toBeNull();
    expect(klein.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'KLEIN_AANTAL', veld: 'Query.aantal' });
    expect((await run('{ aantal }', { actor: analist, aantal: 7 })).data.aantal).toBe(5);
    expect((await run('{ aantal }', { actor: klantmanager, aantal: 3 })).data.aantal).toBe(3);
  });
});
