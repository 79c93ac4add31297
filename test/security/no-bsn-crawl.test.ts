/**
 * The BSN never leaves the adapters: every role's responses to queries over everything the graph
 * offers, every log line of the stack, and every audit record are searched for a 9-digit number that
 * passes the elfproef and is a BSN of the sandbox world. None may be found.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isValidBsn } from '../../adapters/kit/bsn.js';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { PURPOSES, testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';
import { cast, REGIO, type Cast } from './personas.js';

const access = testAccess();
const store = testDatabase();
const logs: string[] = [];
let stack: Stack;
let c: Cast;

beforeAll(async () => {
  // Console output of every part of the stack counts as its log, besides the stack's own log.
  for (const method of ['log', 'warn', 'error', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
  }
  stack = await startStack({ ports: 'ephemeral', world: { seed: 13, kandidaten: 1200, vacatures: 300, werkgevers: 300, malformedRate: 0.02 }, database: store.options, access: access.settings, log: (m) => logs.push(m) });
  c = cast(stack);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await stack?.stop();
  await store.dispose();
});

const KANDIDAAT_ALLES = `id bronnen doelgroepen competenties werkDenkNiveau beschikbaarPer bijgewerktOp gemeente { code }
  gemeenteDossier { naam geboortedatum regeling participatieladderTrede klantmanager inBeeldSinds statushouder bijgewerktOp gemeente { code } }
  uwvDossier { naam geboortedatum uitkering doelgroepregister beschutWerkIndicatie gewenstBeroep ingeschrevenSinds bijgewerktOp }
  swDienstverband { swBedrijf soort inDienstSinds werkfit urenPerWeek gedetacheerdBij { kvkNummer naam } }
  onderwijs { diplomas { crebo opleiding niveau soort behaaldOp } bijgewerktOp }
  toestemmingen { id doel categorieen }`;
const WERKGEVER_ALLES = `kvkNummer naam bronnen bijgewerktOp gemeente { code }
  uwvRelatie { accountmanager laatsteContact aantalContactmomenten }
  gemeenteRelaties { gemeente { code } accountmanager lksPlaatsingen laatsteContact }
  swDetacheringen { swBedrijf aantalMedewerkers urenPerWeek }
  leerbedrijf { erkend erkenningen { crebo opleiding erkendSinds } }
  lidmaatschap { branche vereniging cao lidSinds } sbiCode sector werkleerplekken`;
const CRAWL = [
  `{ arbeidsmarktregio(code: "${REGIO}") { kandidaten(first: 100) { totalCount edges { node { ${KANDIDAAT_ALLES} } } } } }`,
  `{ arbeidsmarktregio(code: "${REGIO}") { werkgevers(first: 100) { totalCount edges { node { ${WERKGEVER_ALLES} } } } } }`,
  `{ arbeidsmarktregio(code: "${REGIO}") { vacatures(first: 100) { totalCount edges { node { id titel bronnen werkgever { kvkNummer naam }
      wspVacature { nummer omschrijving } werkNl { vacaturenummer omschrijving } leerbaan { crebo } brancheVacature { branche } } } } } }`,
  `{ bronStatus { bron bronSysteem aantalRecords fout afgewezen { recordSoort record veld melding } } }`,
  `{ verwerkingen(first: 100) { totalCount edges { node { traceId spanId parentSpanId naam startTijd eindTijd status resource verwerkingsactiviteit doelbinding betrokkene velden actor { sub rol organisatie } } } } }`,
];

describe('no BSN anywhere', () => {
  it('finds no sandbox BSN in any response of any role, in the logs or in the audit log', async () => {
    const bsns = new Set(stack.world.personen.map((p) => p.bsn));
    const texts: string[] = [];
    const roles: [DevTokenClaims, Purpose | undefined][] = [
      [c.actors.klantmanagerUwv, PURPOSES.klantdossier],
      [c.actors.klantmanagerGemeente, PURPOSES.klantdossier],
      [c.actors.accountmanager, PURPOSES.voorstellen],
      [c.actors.werkgever, PURPOSES.voorstellen],
      [c.actors.analist, undefined],
      [c.actors.beheerder, undefined],
    ];
    let personalDataSeen = 0;
    for (const [actor, purpose] of roles) {
      for (const query of CRAWL) {
        const response = await graphql(stack.gatewayUrl, query, undefined, await access.headers(actor, purpose));
        const text = JSON.stringify(response);
        if (text.includes('"geboortedatum":"')) personalDataSeen++;
        texts.push(text);
      }
    }
    // The crawl did reach personal data (so the search below means something).
    expect(personalDataSeen).toBeGreaterThan(0);
    texts.push(...logs);

    const sandboxBsns = (candidates: string[]) => candidates.flatMap((text) => text.match(/(?<!\d)\d{9}(?!\d)/g) ?? []).filter((n) => isValidBsn(n) && bsns.has(n));
    // The search itself works: a planted BSN is found.
    const planted = stack.world.personen[0]!.bsn;
    expect(sandboxBsns([`{"naam":"x","nummer":"${planted}"}`])).toEqual([planted]);
    expect(sandboxBsns(texts)).toEqual([]);
  });
});
