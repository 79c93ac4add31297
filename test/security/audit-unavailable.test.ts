/**
 * No personal data without its audit record: while the logboek is down, personal-data fields are
 * withheld with AUDIT_UNAVAILABLE (anonymous data is still served), and a consent change is not stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { startLogboekSubgraph } from '../../subgraphs/logboek/server.js';
import type { RunningSubgraph } from '../../subgraphs/kit/server.js';
import { PURPOSES, testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';
import { cast, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let c: Cast;
let replacement: RunningSubgraph | undefined;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 14, kandidaten: 800, vacatures: 200, werkgevers: 200, malformedRate: 0 }, database: store.options, logboekDatabase: { dataDir: 'memory://' }, access: access.settings });
  c = cast(stack);
});

afterAll(async () => {
  await replacement?.stop();
  await stack?.stop();
  await store.dispose();
});

const DOSSIERS = `query($id: ID!) { kandidaat(id: $id) { id competenties uwvDossier { naam } gemeenteDossier { naam } } }`;

describe('when the logboek cannot record', () => {
  it('withholds personal data and stores no consent change', async () => {
    await stack.subgraphs.logboek.stop();
    const klantmanager = await access.headers(c.actors.klantmanagerUwv, PURPOSES.klantdossier);
    const r = await graphql(stack.gatewayUrl, DOSSIERS, { id: c.gedeeld.id }, klantmanager);
    expect(r.data?.kandidaat).toMatchObject({ id: c.gedeeld.id, competenties: expect.any(Array), uwvDossier: null, gemeenteDossier: null });
    expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.veld]).sort()).toEqual([
      ['AUDIT_UNAVAILABLE', 'Kandidaat.gemeenteDossier'],
      ['AUDIT_UNAVAILABLE', 'Kandidaat.uwvDossier'],
    ]);

    const invoer = { kandidaat: c.gedeeld.id, doel: 'bemiddeling', publiek: { organisatie: c.werkgever.kvkNummer }, categorieen: ['UWV_DOSSIER'], geldigTot: new Date(Date.now() + 86_400_000).toISOString() };
    const registratie = await graphql(stack.gatewayUrl, 'mutation($invoer: ToestemmingInvoer!) { registreerToestemming(invoer: $invoer) { id } }', { invoer }, await access.headers(c.actors.klantmanagerUwv, PURPOSES.toestemmingBeheren));
    expect(registratie.errors?.[0]?.extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });

    // The logboek is back (same address, empty store): the consent was not stored, so the employer sees nothing.
    replacement = await startLogboekSubgraph({ port: Number(new URL(stack.subgraphs.logboek.url).port), database: { dataDir: 'memory://' }, access: access.settings });
    const werkgever = await graphql(stack.gatewayUrl, DOSSIERS, { id: c.gedeeld.id }, await access.headers(c.actors.werkgever, PURPOSES.voorstellen));
    expect(werkgever.data?.kandidaat.uwvDossier).toBeNull();
    expect(werkgever.errors?.map((e) => e.extensions?.reden)).toContain('GEEN_KLANTRELATIE_OF_TOESTEMMING');
    const weer = await graphql(stack.gatewayUrl, DOSSIERS, { id: c.gedeeld.id }, klantmanager);
    expect(weer.errors).toBeUndefined();
    expect(weer.data?.kandidaat.uwvDossier).not.toBeNull();
  });
});
