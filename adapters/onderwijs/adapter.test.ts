/**
 * Contract tests of the onderwijs adapter against SBB's native JSON, served by nock: cursor paging,
 * malformed records, batched lookups in calls of 25, partner failures, and that no BSN escapes.
 */
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import type { FeedPage } from '../kit/feed.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { createPseudonymizer } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { createOnderwijsAdapter } from './index.js';

const SBB = 'http://sbb.test';
const bronnen = loadBronnen({ ONDERWIJS_BRON_URL: SBB });
const pseudonymize = createPseudonymizer('onderwijs-adapter-test-pseudoniemsleutel');
const NOW = new Date(Date.UTC(2026, 10, 1));
const adapter = () => createOnderwijsAdapter({ bronnen, pseudonymize, now: () => NOW, timeoutMs: 2_000 });

const BSN_A = '111222333';
const BSN_B = '123456782';
const BSN_C = '999999990';

function deelnemer(deelnemernummer: string, bsn: string, geboortedatum: string) {
  return {
    deelnemernummer,
    bsn,
    geboortedatum,
    woongemeente: 'GM0193',
    diplomas: [{ creboCode: '25415', opleiding: 'Medewerker logistiek', niveau: 2, soort: 'DIPLOMA', behaaldOp: '2019-07-01' }],
    gewijzigdOp: '2026-09-01T10:00:00.000Z',
  };
}

function leerbedrijf(kvkNummer: string) {
  return {
    kvkNummer,
    naam: `Bedrijf ${kvkNummer} B.V.`,
    vestigingsgemeente: 'GM0193',
    erkenningen: [{ creboCode: '25295', opleiding: 'Allround timmerman', erkendSinds: '2020-03-15' }],
    gewijzigdOp: '2026-08-01T10:00:00.000Z',
  };
}

function leerbaan(id: string, titel: string) {
  return {
    id,
    kvkNummer: '12345678',
    titel,
    creboCode: '25169',
    opleiding: 'Zelfstandig werkend kok',
    leerweg: 'BBL',
    gemeente: 'GM0193',
    postcode: '8011AB',
    urenPerWeek: 32,
    geplaatstOp: '2026-10-01',
    gewijzigdOp: '2026-10-02T09:00:00.000Z',
  };
}

async function collect<T>(pages: AsyncIterable<FeedPage<T>> | undefined): Promise<FeedPage<T>[]> {
  const all: FeedPage<T>[] = [];
  if (pages) for await (const page of pages) all.push(page);
  return all;
}

const kvks = (n: number) => Array.from({ length: n }, (_, i) => String(10_000_000 + i));

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('index feed', () => {
  it('follows the cursor through every page and maps deelnemers to pseudonymous index records', async () => {
    const pages = [
      nock(SBB).get('/api/v1/deelnemers').query({ limit: '25' }).reply(200, { items: [deelnemer('D1', BSN_A, '1970-11-01')], nextCursor: 'c2' }),
      nock(SBB).get('/api/v1/deelnemers').query({ limit: '25', cursor: 'c2' }).reply(200, { items: [deelnemer('D2', BSN_B, '1990-01-01')], nextCursor: null }),
    ];
    const feedPages = await collect(adapter().feed.sources[0]?.kandidaten?.());
    pages.forEach((scope) => expect(scope.isDone()).toBe(true));
    const records = feedPages.flatMap((p) => p.records);
    expect(records.map((r) => r.id)).toEqual([pseudonymize(BSN_A), pseudonymize(BSN_B)]);
    // Born 1970-11-01: 56 on 2026-11-01, so 55-plus; born 1990 is not.
    expect(records.map((r) => r.doelgroepen)).toEqual([['VIJFTIG_PLUS'], []]);
    expect(records[0]).toMatchObject({ bron: 'ONDERWIJS', gemeenteCode: 'GM0193', bijgewerktOp: '2026-09-01T10:00:00.000Z' });
    expect(JSON.stringify(feedPages)).not.toContain(BSN_A);
  });

  it('marks a leerbedrijf without current recognitions as not erkend', async () => {
    nock(SBB).get('/api/v1/leerbedrijven').query({ limit: '25' }).reply(200, { items: [{ ...leerbedrijf('44444444'), erkenningen: [] }], nextCursor: null });
    const [page] = await collect(adapter().feed.sources[0]?.werkgevers?.());
    expect(page?.records).toEqual([expect.objectContaining({ kvkNummer: '44444444', erkendLeerbedrijf: false })]);
  });

  it('keeps the good records of a page and reports the malformed one by bron, KvK number and field', async () => {
    const { erkenningen: _weg, ...zonderErkenningen } = leerbedrijf('22222222');
    nock(SBB).get('/api/v1/leerbedrijven').query({ limit: '25' }).reply(200, { items: [leerbedrijf('11111111'), zonderErkenningen, leerbedrijf('33333333')], nextCursor: null });
    const [page] = await collect(adapter().feed.sources[0]?.werkgevers?.());
    expect(page?.records.map((r) => r.kvkNummer)).toEqual(['11111111', '33333333']);
    // Recognised for at least one course: the loket filters on it.
    expect(page?.records.map((r) => r.erkendLeerbedrijf)).toEqual([true, true]);
    expect(page?.issues).toEqual([expect.objectContaining({ bron: 'ONDERWIJS', bronSysteem: 'sbb', recordSoort: 'leerbedrijf', record: '22222222', veld: 'erkenningen' })]);
  });

  it('gives leerbanen the shared vacancy id and soort LEERBAAN', async () => {
    nock(SBB).get('/api/v1/leerbanen').query({ limit: '25' }).reply(200, { items: [leerbaan('LB1', 'Kok (BBL)')], nextCursor: null });
    const [page] = await collect(adapter().feed.sources[0]?.vacatures?.());
    expect(page?.records).toEqual([expect.objectContaining({ id: vacatureId('12345678', 'Kok (BBL)', '8011AB'), soort: 'LEERBAAN', bron: 'ONDERWIJS', geplaatstOp: '2026-10-01', urenPerWeek: 32 })]);
  });

  it('ends a list with PartnerUnavailableError naming the bron when SBB answers 503', async () => {
    nock(SBB).get('/api/v1/instrumenten').query(true).reply(503, 'Service Unavailable');
    const error = await collect(adapter().feed.sources[0]?.instrumenten?.()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'ONDERWIJS', bronSysteem: 'sbb' });
  });
});

describe('warm-up and loaders', () => {
  it('resolves a batch of pseudonyms with one lookup call by deelnemernummer; unknown people are null', async () => {
    nock(SBB).get('/api/v1/deelnemers').query({ limit: '25' }).reply(200, { items: [deelnemer('D1', BSN_A, '1980-01-01'), deelnemer('D2', BSN_B, '1985-01-01')], nextCursor: null });
    nock(SBB).get('/api/v1/leerbanen').query({ limit: '25' }).reply(200, { items: [], nextCursor: null });
    const onderwijs = adapter();
    await expect(onderwijs.warmUp()).resolves.toEqual({ records: 2, issues: [] });
    const lookup = nock(SBB).get('/api/v1/deelnemers').query({ deelnemernummers: 'D1,D2' }).once().reply(200, { items: [deelnemer('D1', BSN_A, '1980-01-01'), deelnemer('D2', BSN_B, '1985-01-01')], nextCursor: null });
    const loaders = onderwijs.createLoaders();
    const [a, b, onbekend] = await Promise.all([loaders.deelnemer.load(pseudonymize(BSN_A)), loaders.deelnemer.load(pseudonymize(BSN_B)), loaders.deelnemer.load(pseudonymize(BSN_C))]);
    expect(lookup.isDone()).toBe(true);
    expect(a?.diplomas).toEqual([{ crebo: '25415', opleiding: 'Medewerker logistiek', niveau: 2, soort: 'DIPLOMA', behaaldOp: '2019-07-01' }]);
    expect(b).not.toBeNull();
    expect(onbekend).toBeNull();
  });

  it('registers a deelnemer whose record is malformed and reports the bad field on lookup, without the BSN', async () => {
    const kapot = { ...deelnemer('D9', BSN_C, '1980-01-01'), geboortedatum: '1980-02-31' };
    nock(SBB).get('/api/v1/deelnemers').query({ limit: '25' }).reply(200, { items: [kapot, { ...deelnemer('D8', '123456789', '1980-01-01') }], nextCursor: null });
    nock(SBB).get('/api/v1/leerbanen').query({ limit: '25' }).reply(200, { items: [], nextCursor: null });
    const onderwijs = adapter();
    const warm = await onderwijs.warmUp();
    expect(warm.records).toBe(1);
    expect(warm.issues.map((i) => [i.record, i.veld])).toEqual([
      ['D9', 'geboortedatum'],
      ['D8', 'bsn'],
    ]);
    nock(SBB).get('/api/v1/deelnemers').query({ deelnemernummers: 'D9' }).reply(200, { items: [kapot], nextCursor: null });
    const error = await onderwijs.createLoaders().deelnemer.load(pseudonymize(BSN_C)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerRecordError);
    expect((error as PartnerRecordError).issue).toMatchObject({ bron: 'ONDERWIJS', record: 'D9', veld: 'geboortedatum' });
    const everything = JSON.stringify(warm.issues) + (error as Error).message + JSON.stringify((error as PartnerRecordError).issue);
    for (const bsn of [BSN_C, '123456789']) expect(everything).not.toContain(bsn);
  });

  it('looks up 50 employers by KvK number in exactly two calls of 25; unknown and invalid numbers are null', async () => {
    const all = kvks(50);
    const scopes = [all.slice(0, 25), all.slice(25)].map((keys) =>
      nock(SBB)
        .get('/api/v1/leerbedrijven')
        .query({ kvkNummers: keys.join(',') })
        .once()
        .reply(200, { items: keys.filter((k) => k !== '10000049').map(leerbedrijf), nextCursor: null }),
    );
    const loaders = adapter().createLoaders();
    const results = await Promise.all([...all, 'geen-kvk'].map((k) => loaders.leerbedrijf.load(k)));
    scopes.forEach((scope) => expect(scope.isDone()).toBe(true));
    expect(results[0]).toEqual({ erkend: true, erkenningen: [{ crebo: '25295', opleiding: 'Allround timmerman', erkendSinds: '2020-03-15' }], bijgewerktOp: '2026-08-01T10:00:00.000Z' });
    expect(results.filter((r) => r !== null)).toHaveLength(49);
    expect(results[49]).toBeNull();
    expect(results[50]).toBeNull();
  });

  it('gives the keys of a failing lookup call a PartnerUnavailableError naming the bron', async () => {
    nock(SBB).get('/api/v1/leerbedrijven').query(true).reply(503, { status: 503 });
    const error = await adapter().createLoaders().leerbedrijf.load('12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'ONDERWIJS', bronSysteem: 'sbb' });
    expect((error as Error).message).not.toContain('12345678');
  });

  it('resolves a vacancy id to its leerbaan through the keys learned at warm-up', async () => {
    nock(SBB).get('/api/v1/deelnemers').query({ limit: '25' }).reply(200, { items: [], nextCursor: null });
    nock(SBB).get('/api/v1/leerbanen').query({ limit: '25' }).reply(200, { items: [leerbaan('LB1', 'Kok (BBL)')], nextCursor: null });
    const onderwijs = adapter();
    await onderwijs.warmUp();
    nock(SBB).get('/api/v1/leerbanen').query({ ids: 'LB1' }).reply(200, { items: [leerbaan('LB1', 'Kok (BBL)')], nextCursor: null });
    const loaders = onderwijs.createLoaders();
    await expect(loaders.leerbaan.load(vacatureId('12345678', 'Kok (m/v) (BBL)', '8011 AB'))).resolves.toEqual({ crebo: '25169', opleiding: 'Zelfstandig werkend kok', leerweg: 'BBL' });
    await expect(loaders.leerbaan.load('vac_onbekend')).resolves.toBeNull();
  });
});
