/**
 * Consent (toestemming) through the graph: the klantmanager of the person's organisation registers it
 * and withdraws it, and what an employer sees changes on the very next request. Wrong input is
 * refused with the argument named and nothing is stored; only the client's own klantmanager may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';
import { cast, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let c: Cast;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 12, kandidaten: 1200, vacatures: 300, werkgevers: 300, malformedRate: 0 }, database: store.options, access: access.settings });
  c = cast(stack);
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

const ask = async (actor: DevTokenClaims, query: string, variables?: Record<string, unknown>, purpose?: Purpose) => graphql(stack.gatewayUrl, query, variables, await access.headers(actor, purpose));

const REGISTREER = `mutation($invoer: ToestemmingInvoer!) { registreerToestemming(invoer: $invoer) { id doel publiekOrganisatie categorieen actief geregistreerdDoor kandidaat { id } } }`;
const INTREKKEN = `mutation($id: ID!) { trekToestemmingIn(id: $id) { id actief ingetrokkenOp } }`;
const DOSSIERS = `query($id: ID!) { kandidaat(id: $id) { id uwvDossier { naam } gemeenteDossier { naam } } }`;
const TOESTEMMINGEN = `query($id: ID!) { kandidaat(id: $id) { toestemmingen { id actief categorieen } } }`;

const inDertigDagen = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

describe('consent', () => {
  it('lets an employer see exactly the consented category from the next request on, until it is withdrawn', async () => {
    const invoer = { kandidaat: c.gedeeld.id, doel: 'bemiddeling', publiek: { organisatie: c.werkgever.kvkNummer }, categorieen: ['UWV_DOSSIER'], geldigTot: inDertigDagen() };

    const voor = await ask(c.actors.werkgever, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(voor.data?.kandidaat).toMatchObject({ uwvDossier: null, gemeenteDossier: null });

    const registratie = await ask(c.actors.klantmanagerUwv, REGISTREER, { invoer }, PURPOSES.toestemmingBeheren);
    expect(registratie.errors).toBeUndefined();
    const toestemming = registratie.data?.registreerToestemming;
    expect(toestemming).toMatchObject({ doel: 'bemiddeling', publiekOrganisatie: c.werkgever.kvkNummer, categorieen: ['UWV_DOSSIER'], actief: true, geregistreerdDoor: 'UWV', kandidaat: { id: c.gedeeld.id } });

    const met = await ask(c.actors.werkgever, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(met.data?.kandidaat).toMatchObject({ uwvDossier: { naam: expect.any(String) }, gemeenteDossier: null });
    expect(met.errors?.map((e) => [e.extensions?.veld, e.extensions?.reden])).toEqual([['Kandidaat.gemeenteDossier', 'GEEN_KLANTRELATIE_OF_TOESTEMMING']]);
    // Consent is for one purpose only.
    const anderDoel = await ask(c.actors.werkgever, DOSSIERS, { id: c.gedeeld.id });
    expect(anderDoel.data?.kandidaat.uwvDossier).toBeNull();
    // Another employer is not covered.
    const ander = await ask({ ...c.actors.werkgever, sub: 'wg-ander', kvk: c.andereWerkgever.kvkNummer }, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(ander.data?.kandidaat.uwvDossier).toBeNull();

    const intrekking = await ask(c.actors.klantmanagerUwv, INTREKKEN, { id: toestemming.id }, PURPOSES.toestemmingBeheren);
    expect(intrekking.data?.trekToestemmingIn).toMatchObject({ id: toestemming.id, actief: false, ingetrokkenOp: expect.any(String) });

    const na = await ask(c.actors.werkgever, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(na.data?.kandidaat).toMatchObject({ uwvDossier: null, gemeenteDossier: null });

    // The withdrawn consent stays on record for the klantmanager.
    const lijst = await ask(c.actors.klantmanagerUwv, TOESTEMMINGEN, { id: c.gedeeld.id }, PURPOSES.klantdossier);
    expect(lijst.data?.kandidaat.toestemmingen).toEqual([{ id: toestemming.id, actief: false, categorieen: ['UWV_DOSSIER'] }]);
  });

  it('covers a role as audience as well as an organisation', async () => {
    const invoer = { kandidaat: c.gedeeld.id, doel: 'bemiddeling', publiek: { rol: 'accountmanager' }, categorieen: ['GEMEENTE_DOSSIER'], geldigTot: inDertigDagen() };
    const registratie = await ask(c.actors.klantmanagerUwv, REGISTREER, { invoer }, PURPOSES.toestemmingBeheren);
    expect(registratie.errors).toBeUndefined();
    const r = await ask(c.actors.accountmanager, DOSSIERS, { id: c.gedeeld.id }, PURPOSES.voorstellen);
    expect(r.data?.kandidaat).toMatchObject({ gemeenteDossier: { naam: expect.any(String) }, uwvDossier: null });
    await ask(c.actors.klantmanagerUwv, INTREKKEN, { id: registratie.data?.registreerToestemming.id }, PURPOSES.toestemmingBeheren);
  });

  it('refuses wrong input naming the argument, and stores nothing', async () => {
    const geldig = { kandidaat: c.gemeenteKlant.id, doel: 'bemiddeling', publiek: { organisatie: c.werkgever.kvkNummer }, categorieen: ['GEMEENTE_DOSSIER'], geldigTot: inDertigDagen() };
    const cases: [Record<string, unknown>, string][] = [
      [{ kandidaat: 'kd_bestaat_niet' }, 'invoer.kandidaat'],
      [{ doel: 'marketing' }, 'invoer.doel'],
      [{ publiek: { organisatie: 'X', rol: 'werkgever' } }, 'invoer.publiek'],
      [{ publiek: {} }, 'invoer.publiek'],
      [{ publiek: { rol: 'iedereen' } }, 'invoer.publiek.rol'],
      [{ categorieen: [] }, 'invoer.categorieen'],
      [{ geldigTot: '2020-01-01T00:00:00Z' }, 'invoer.geldigTot'],
      [{ geldigTot: 'morgen' }, 'invoer.geldigTot'],
      [{ geldigTot: '2099-01-01T00:00:00Z' }, 'invoer.geldigTot'],
    ];
    for (const [wrong, argument] of cases) {
      const r = await ask(c.actors.klantmanagerGemeente, REGISTREER, { invoer: { ...geldig, ...wrong } }, PURPOSES.toestemmingBeheren);
      expect(r.errors?.[0]?.extensions, JSON.stringify(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(r.data?.registreerToestemming ?? null).toBeNull();
    }
    const lijst = await ask(c.actors.klantmanagerGemeente, TOESTEMMINGEN, { id: c.gemeenteKlant.id }, PURPOSES.klantdossier);
    expect(lijst.errors).toBeUndefined();
    expect(lijst.data?.kandidaat.toestemmingen).toEqual([]);
  });

  it('only the klantmanager of a client organisation registers consent, under the consent activity', async () => {
    const invoer = { kandidaat: c.gemeenteKlant.id, doel: 'bemiddeling', publiek: { rol: 'werkgever' }, categorieen: ['GEMEENTE_DOSSIER'], geldigTot: inDertigDagen() };
    const nietKlant = await ask(c.actors.klantmanagerUwv, REGISTREER, { invoer }, PURPOSES.toestemmingBeheren);
    expect(nietKlant.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'GEEN_KLANTRELATIE_OF_TOESTEMMING' });
    const accountmanager = await ask(c.actors.accountmanager, REGISTREER, { invoer }, PURPOSES.voorstellen);
    expect(accountmanager.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'ROL' });
    const verkeerdeVerwerking = await ask(c.actors.klantmanagerGemeente, REGISTREER, { invoer }, PURPOSES.klantdossier);
    expect(verkeerdeVerwerking.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden: 'DOELBINDING' });
    const lijst = await ask(c.actors.klantmanagerGemeente, TOESTEMMINGEN, { id: c.gemeenteKlant.id }, PURPOSES.klantdossier);
    expect(lijst.data?.kandidaat.toestemmingen).toEqual([]);
  });
});
