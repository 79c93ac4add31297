/**
 * The shared WSP contact register through the gateway, as WSP tools use it: a contact registered once
 * per idempotency key (also when the same request arrives ten times at once), delivered to the
 * registering organisation's own system in its native format exactly once — also when that system is
 * down for a while — the double-approach warning and list, the regional accountmanager, bad input
 * refused by name with nothing stored, who may write, and the audit record of each write.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import type { PartnerName } from '../../sandbox/partners.js';
import { REGIO } from '../security/personas.js';
import { testAccess, type Purpose } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';

const access = testAccess();
const store = testDatabase();
let stack: Stack;
let kvk: string;
let gemeenteCode: string;
const REGISTREREN: Purpose = { doelbinding: 'werkgeversdienstverlening', verwerking: 'werkgeverscontact-registreren' };

const actor = (sub: string, organisatie: string, regios = [REGIO]): DevTokenClaims => ({ sub, rol: 'accountmanager', organisatie, regios });
const uwv = actor('am-uwv', 'UWV');
const wsp = actor('am-wsp', `WSP-${REGIO}`);
const elders = actor('am-elders', 'UWV', ['AM01']);

beforeAll(async () => {
  stack = await startStack({
    ports: 'ephemeral',
    world: { seed: 21, kandidaten: 600, vacatures: 200, werkgevers: 300, malformedRate: 0 },
    database: store.options,
    access: access.settings,
    outbox: { intervalMs: 50, initialMs: 100, maxMs: 400, leaseMs: 10_000 },
  });
  const werkgever = stack.world.werkgevers.find((w) => w.regioCode === REGIO && w.uwv && w.gemeente);
  if (!werkgever) throw new Error('the test world has no employer in AM36 known to UWV and a gemeente');
  kvk = werkgever.kvkNummer;
  gemeenteCode = werkgever.gemeenteCode;
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

/** `purpose` null: no purpose headers (reads of employer data need none). */
const ask = async (who: DevTokenClaims, query: string, variables?: Record<string, unknown>, purpose: Purpose | null = REGISTREREN) => graphql(stack.gatewayUrl, query, variables, await access.headers(who, purpose ?? undefined));

const REGISTREER = `mutation($invoer: ContactmomentInvoer!, $sleutel: String!) {
  registreerContactmoment(invoer: $invoer, idempotentieSleutel: $sleutel) {
    herhaald vensterDagen
    contactmoment { id organisatie medewerker kanaal status datum onderwerp werkgever { kvkNummer } levering { status bron bronSysteem } }
    dubbeleBenadering { organisatie medewerker datum status }
  }
}`;
const LEVERING = `query($kvk: ID!) { werkgever(kvkNummer: $kvk) { contactmomenten(first: 100) { id onderwerp organisatie levering { status bronSysteem pogingen reden volgendePoging geleverdOp partnerReferentie } } } }`;

const dag = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const invoer = (over: Record<string, unknown> = {}) => ({ werkgever: kvk, kanaal: 'BEZOEK', status: 'GEDAAN', datum: dag(-1), medewerker: 'P. de Proef', onderwerp: `Kennismaking ${randomUUID()}`, ...over });

interface Opgeslagen {
  bronSysteem: string;
  sleutel: string;
  pogingen: number;
}
async function ontvangen(partner: PartnerName): Promise<Opgeslagen[]> {
  const response = await fetch(`${stack.sandboxes[partner].url}/_sandbox/contactmomenten`);
  return ((await response.json()) as { contactmomenten: Opgeslagen[] }).contactmomenten;
}

async function contactmomenten(who: DevTokenClaims = uwv) {
  const r = await ask(who, LEVERING, { kvk });
  expect(r.errors).toBeUndefined();
  return r.data?.werkgever.contactmomenten as { id: string; onderwerp: string; organisatie: string; levering: Record<string, unknown> | null }[];
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('contact register', () => {
  it('stores a contact once per key and delivers it to UWV once, in its own system', async () => {
    const sleutel = randomUUID();
    const contact = invoer();
    const eerste = await ask(uwv, REGISTREER, { invoer: contact, sleutel });
    expect(eerste.errors).toBeUndefined();
    const resultaat = eerste.data?.registreerContactmoment;
    expect(resultaat).toMatchObject({ herhaald: false, vensterDagen: 30, contactmoment: { organisatie: 'UWV', medewerker: 'P. de Proef', kanaal: 'BEZOEK', status: 'GEDAAN', datum: contact.datum, werkgever: { kvkNummer: kvk }, levering: { bron: 'UWV', bronSysteem: 'uwv' } } });

    const herhaling = await ask(uwv, REGISTREER, { invoer: contact, sleutel });
    expect(herhaling.data?.registreerContactmoment).toMatchObject({ herhaald: true, contactmoment: { id: resultaat.contactmoment.id } });

    const geleverd = await until(contactmomenten, (list) => list.find((c) => c.id === resultaat.contactmoment.id)?.levering?.status === 'DELIVERED', 'delivery to UWV');
    expect(geleverd.filter((c) => c.onderwerp === contact.onderwerp)).toHaveLength(1);
    expect((await ontvangen('uwv')).filter((c) => c.sleutel === `UWV:${sleutel}`)).toHaveLength(1);
  });

  it('stores one contact when the same request arrives ten times at once', async () => {
    const sleutel = randomUUID();
    const contact = invoer();
    const antwoorden = await Promise.all(Array.from({ length: 10 }, () => ask(uwv, REGISTREER, { invoer: contact, sleutel })));
    expect(antwoorden.flatMap((a) => a.errors ?? [])).toEqual([]);
    const ids = new Set(antwoorden.map((a) => a.data?.registreerContactmoment.contactmoment.id));
    expect(ids.size).toBe(1);
    expect(antwoorden.filter((a) => a.data?.registreerContactmoment.herhaald === false)).toHaveLength(1);
    expect((await contactmomenten()).filter((c) => c.onderwerp === contact.onderwerp)).toHaveLength(1);
  });

  it('refuses the same key with a different contact, and stores nothing', async () => {
    const sleutel = randomUUID();
    await ask(uwv, REGISTREER, { invoer: invoer(), sleutel });
    const voor = (await contactmomenten()).length;
    const r = await ask(uwv, REGISTREER, { invoer: invoer({ onderwerp: 'Iets anders' }), sleutel });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', argument: 'idempotentieSleutel' });
    expect((await contactmomenten()).length).toBe(voor);
  });

  it('refuses bad input naming the argument, and stores nothing', async () => {
    const voor = (await contactmomenten()).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ werkgever: '99999999' }, 'invoer.werkgever'],
      [{ werkgever: '1234' }, 'invoer.werkgever'],
      [{ datum: dag(10) }, 'invoer.datum'],
      [{ status: 'GEPLAND', datum: dag(-3) }, 'invoer.datum'],
      [{ datum: '2026-02-30' }, 'invoer.datum'],
      [{ onderwerp: 'x'.repeat(501) }, 'invoer.onderwerp'],
      [{ medewerker: '   ' }, 'invoer.medewerker'],
    ];
    for (const [over, argument] of cases) {
      const r = await ask(uwv, REGISTREER, { invoer: invoer(over), sleutel: randomUUID() });
      expect(r.errors?.[0]?.extensions, JSON.stringify(over).slice(0, 80)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(r.errors?.[0]?.message).toContain(argument);
    }
    const enumFout = await ask(uwv, REGISTREER, { invoer: invoer({ kanaal: 'POSTDUIF' }), sleutel: randomUUID() });
    expect(enumFout.errors?.[0]?.message).toMatch(/kanaal/);
    expect(enumFout.errors?.[0]?.message).toMatch(/POSTDUIF/);
    const sleutelFout = await ask(uwv, REGISTREER, { invoer: invoer(), sleutel: 'kort' });
    expect(sleutelFout.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotentieSleutel' });
    expect((await contactmomenten()).length).toBe(voor);
  });

  it('lets only accountmanagers of the employer’s region write, under the register’s purpose', async () => {
    const werkgever: DevTokenClaims = { sub: 'wg-eigen', rol: 'werkgever', kvk, regios: [REGIO] };
    const refusals = [
      [await ask(werkgever, REGISTREER, { invoer: invoer(), sleutel: randomUUID() }), 'ROL'],
      [await ask(elders, REGISTREER, { invoer: invoer(), sleutel: randomUUID() }), 'REGIO'],
      [await ask(uwv, REGISTREER, { invoer: invoer(), sleutel: randomUUID() }, null), 'DOELBINDING'],
    ] as const;
    for (const [r, reden] of refusals) {
      expect(r.data?.registreerContactmoment ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reden });
    }
    // The employer reads its own contacts.
    const eigen = await ask(werkgever, `query($kvk: ID!) { werkgever(kvkNummer: $kvk) { contactmomenten { organisatie } } }`, { kvk }, null);
    expect(eigen.errors).toBeUndefined();
    expect(eigen.data?.werkgever.contactmomenten.length).toBeGreaterThan(0);
  });

  it('warns about a double approach and lists the employer as approached by two organisations', async () => {
    const gemeente = actor('am-gemeente', gemeenteCode);
    const r = await ask(gemeente, REGISTREER, { invoer: invoer({ status: 'GEPLAND', datum: dag(7), kanaal: 'TELEFOON' }), sleutel: randomUUID() });
    expect(r.errors).toBeUndefined();
    const resultaat = r.data?.registreerContactmoment;
    expect(resultaat.contactmoment.levering).toMatchObject({ bron: 'GEMEENTE' });
    expect(resultaat.dubbeleBenadering.length).toBeGreaterThan(0);
    expect(resultaat.dubbeleBenadering.every((c: { organisatie: string }) => c.organisatie === 'UWV')).toBe(true);
    expect(resultaat.dubbeleBenadering[0]).toMatchObject({ organisatie: 'UWV', medewerker: 'P. de Proef', status: 'GEDAAN', datum: dag(-1) });

    const lijst = await ask(wsp, `query($regio: ID!, $van: Date!, $tot: Date!) { arbeidsmarktregio(code: $regio) { dubbeleBenaderingen(van: $van, tot: $tot) { totalCount edges { node { werkgever { kvkNummer } organisaties contactmomenten { organisatie } } } } } }`, { regio: REGIO, van: dag(-30), tot: dag(30) }, null);
    expect(lijst.errors).toBeUndefined();
    const page = lijst.data?.arbeidsmarktregio.dubbeleBenaderingen;
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node).toMatchObject({ werkgever: { kvkNummer: kvk }, organisaties: [gemeenteCode, 'UWV'].sort() });
  });

  it('keeps a contact for a system that is down, shows why, and delivers it once when the system is back', async () => {
    const sandbox = stack.sandboxes.gemeente;
    const gemeente = actor('am-gemeente', gemeenteCode);
    sandbox.knobs.errorRate = 1;
    sandbox.knobs.scope = 'contactmoment';
    try {
      const contact = invoer();
      const sleutel = randomUUID();
      const r = await ask(gemeente, REGISTREER, { invoer: contact, sleutel });
      expect(r.errors).toBeUndefined();
      const id = r.data?.registreerContactmoment.contactmoment.id as string;
      const mislukt = await until(contactmomenten, (list) => list.find((c) => c.id === id)?.levering?.status === 'FAILED', 'a failed delivery');
      const levering = mislukt.find((c) => c.id === id)!.levering!;
      expect(levering.reden).toMatch(/^GEMEENTE \(gm-am36-[a-z]+\): the partner system answered with an error \(HTTP 503\)/);
      expect(levering.volgendePoging).toEqual(expect.any(String));
      expect((await ontvangen('gemeente')).some((c) => c.sleutel === `${gemeenteCode}:${sleutel}`)).toBe(false);

      sandbox.knobs.errorRate = 0;
      const na = await until(contactmomenten, (list) => list.find((c) => c.id === id)?.levering?.status === 'DELIVERED', 'delivery after recovery');
      expect(na.find((c) => c.id === id)!.levering).toMatchObject({ reden: null, volgendePoging: null, geleverdOp: expect.any(String), partnerReferentie: expect.any(String) });
      expect((await ontvangen('gemeente')).filter((c) => c.sleutel === `${gemeenteCode}:${sleutel}`)).toHaveLength(1);
    } finally {
      sandbox.knobs.errorRate = 0;
      sandbox.knobs.scope = '';
    }
  });

  it('keeps contacts of an organisation without a system of its own in the register only', async () => {
    const r = await ask(wsp, REGISTREER, { invoer: invoer(), sleutel: randomUUID() });
    expect(r.errors).toBeUndefined();
    expect(r.data?.registreerContactmoment.contactmoment).toMatchObject({ organisatie: `WSP-${REGIO}`, levering: null });
  });

  it('assigns one accountmanager per employer and region, returning the one replaced', async () => {
    const TOEWIJZEN = `mutation($invoer: AccountmanagerInvoer!, $sleutel: String!) { wijsAccountmanagerToe(invoer: $invoer, idempotentieSleutel: $sleutel) { herhaald accountmanager { naam organisatie email arbeidsmarktregio { code } } vorige { naam } } }`;
    const eerste = await ask(wsp, TOEWIJZEN, { invoer: { werkgever: kvk, naam: 'A. Eerste', email: 'a.eerste@wsp.example' }, sleutel: randomUUID() });
    expect(eerste.errors).toBeUndefined();
    expect(eerste.data?.wijsAccountmanagerToe).toMatchObject({ herhaald: false, accountmanager: { naam: 'A. Eerste', organisatie: `WSP-${REGIO}`, arbeidsmarktregio: { code: REGIO } }, vorige: null });
    const tweede = await ask(uwv, TOEWIJZEN, { invoer: { werkgever: kvk, naam: 'B. Tweede' }, sleutel: randomUUID() });
    expect(tweede.data?.wijsAccountmanagerToe).toMatchObject({ accountmanager: { naam: 'B. Tweede', organisatie: 'UWV' }, vorige: { naam: 'A. Eerste' } });
    const huidig = await ask(wsp, `query($kvk: ID!) { werkgever(kvkNummer: $kvk) { accountmanager { naam organisatie } } }`, { kvk }, null);
    expect(huidig.data?.werkgever.accountmanager).toEqual({ naam: 'B. Tweede', organisatie: 'UWV' });
    const fout = await ask(wsp, TOEWIJZEN, { invoer: { werkgever: kvk, naam: 'C', email: 'geen-adres' }, sleutel: randomUUID() });
    expect(fout.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'invoer.email' });
  });

  it('records every write in the logboek with the actor, the purpose and the employer', async () => {
    const beheerder: DevTokenClaims = { sub: 'beheerder', rol: 'beheerder', regios: [] };
    const r = await ask(beheerder, `query($b: String!) { verwerkingen(filter: { betrokkene: $b }, first: 100) { edges { node { verwerkingsactiviteit doelbinding velden actor { sub organisatie } } } } }`, { b: `wg_${kvk}` }, null);
    expect(r.errors).toBeUndefined();
    const records = r.data?.verwerkingen.edges.map((e: { node: unknown }) => e.node) as { verwerkingsactiviteit: string; doelbinding: string; velden: string[]; actor: { sub: string; organisatie: string } }[];
    const writes = records.filter((rec) => rec.velden.includes('Mutation.registreerContactmoment'));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((rec) => rec.verwerkingsactiviteit === 'werkgeverscontact-registreren' && rec.doelbinding === 'werkgeversdienstverlening')).toBe(true);
    expect(writes.some((rec) => rec.actor.sub === 'am-uwv' && rec.actor.organisatie === 'UWV')).toBe(true);
    expect(records.some((rec) => rec.velden.includes('Mutation.wijsAccountmanagerToe'))).toBe(true);
  });

  it('filters a region\'s employers on the register: accountmanager, last contact', async () => {
    const WERKGEVERS = `query($filter: WerkgeverFilter) { arbeidsmarktregio(code: "${REGIO}") { werkgevers(first: 100, filter: $filter) { totalCount edges { node { kvkNummer } } } } }`;
    const kvks = async (filter: Record<string, unknown>) => {
      const r = await ask(wsp, WERKGEVERS, { filter }, null);
      expect(r.errors).toBeUndefined();
      return { totalCount: r.data?.arbeidsmarktregio.werkgevers.totalCount as number, kvks: (r.data?.arbeidsmarktregio.werkgevers.edges as { node: { kvkNummer: string } }[]).map((e) => e.node.kvkNummer) };
    };
    const alle = await kvks({});
    expect(await kvks({ zonderAccountmanager: false })).toEqual({ totalCount: 1, kvks: [kvk] });
    expect((await kvks({ zonderAccountmanager: true })).totalCount).toBe(alle.totalCount - 1);
    expect(await kvks({ laatsteContactNa: dag(-2) })).toEqual({ totalCount: 1, kvks: [kvk] });
    const nietRecent = await kvks({ laatsteContactVoor: dag(-2) });
    expect(nietRecent.totalCount).toBe(alle.totalCount - 1);
    expect(nietRecent.kvks).not.toContain(kvk);
    const fout = await ask(wsp, WERKGEVERS, { filter: { laatsteContactVoor: '2026-13-01' } }, null);
    expect(fout.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.laatsteContactVoor' });
  });

  it("lists an employer's vacancies from every partner once, and filters employers on open vacancies", async () => {
    const metVacatures = stack.world.werkgevers.find((w) => w.regioCode === REGIO && stack.world.vacatures.filter((v) => v.kvkNummer === w.kvkNummer && (v.uwv ? 1 : 0) + (v.gemeente ? 1 : 0) + (v.werkgeversvereniging ? 1 : 0) + (v.onderwijs ? 1 : 0) >= 2).length > 0);
    if (!metVacatures) throw new Error('the test world has no employer in AM36 with a vacancy at two partners');
    const verwacht = stack.world.vacatures.filter((v) => v.kvkNummer === metVacatures.kvkNummer && (v.uwv || v.gemeente || v.werkgeversvereniging || v.onderwijs));
    const r = await ask(wsp, `query($kvk: ID!) { werkgever(kvkNummer: $kvk) { vacatures(first: 100) { totalCount edges { node { id titel bronnen werkgever { kvkNummer } } } } } }`, { kvk: metVacatures.kvkNummer }, null);
    expect(r.errors).toBeUndefined();
    const page = r.data?.werkgever.vacatures;
    expect(page.totalCount).toBe(verwacht.length);
    expect(new Set(page.edges.map((e: { node: { id: string } }) => e.node.id)).size).toBe(verwacht.length);
    expect(page.edges.every((e: { node: { werkgever: { kvkNummer: string } } }) => e.node.werkgever.kvkNummer === metVacatures.kvkNummer)).toBe(true);
    expect(page.edges.some((e: { node: { bronnen: string[] } }) => e.node.bronnen.length >= 2)).toBe(true);

    const WERKGEVERS = `query($filter: WerkgeverFilter) { arbeidsmarktregio(code: "${REGIO}") { werkgevers(first: 1, filter: $filter) { totalCount } } }`;
    const totaal = async (filter: Record<string, unknown>) => (await ask(wsp, WERKGEVERS, { filter }, null)).data?.arbeidsmarktregio.werkgevers.totalCount as number;
    const metOpen = new Set(stack.world.vacatures.filter((v) => v.uwv || v.gemeente || v.werkgeversvereniging || v.onderwijs).map((v) => v.kvkNummer));
    const alle = await totaal({});
    const met = await totaal({ metOpenVacatures: true });
    expect(met).toBeGreaterThan(0);
    expect(met + (await totaal({ metOpenVacatures: false }))).toBe(alle);
    expect(met).toBe(stack.world.werkgevers.filter((w) => w.regioCode === REGIO && metOpen.has(w.kvkNummer)).length);
  });

  it('filters a region\'s employers on sector and on SBB recognition, as the partners report them', async () => {
    const WERKGEVERS = `query($filter: WerkgeverFilter) { arbeidsmarktregio(code: "${REGIO}") { werkgevers(first: 1, filter: $filter) { totalCount } } }`;
    const totaal = async (filter: Record<string, unknown>) => {
      const r = await ask(wsp, WERKGEVERS, { filter }, null);
      expect(r.errors).toBeUndefined();
      return r.data?.arbeidsmarktregio.werkgevers.totalCount as number;
    };
    const inRegio = stack.world.werkgevers.filter((w) => w.regioCode === REGIO);
    const leden = inRegio.filter((w) => w.werkgeversvereniging);
    const sector = leden[0]!.sector;
    expect(await totaal({ sector: sector.toUpperCase() })).toBe(leden.filter((w) => w.sector === sector).length);
    const erkend = inRegio.filter((w) => (w.onderwijs?.erkenningen.length ?? 0) > 0).length;
    expect(erkend).toBeGreaterThan(0);
    expect(await totaal({ erkendLeerbedrijf: true })).toBe(erkend);
    expect(await totaal({ erkendLeerbedrijf: false })).toBe((await totaal({})) - erkend);
  });
});
