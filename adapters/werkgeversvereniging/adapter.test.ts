/**
 * Contract tests of the werkgeversvereniging adapter against native JSON:API payloads (nock): list
 * paging for the index feed, one bad record reported by id and field, batch lookups costing one
 * call per 100 keys, the partner failing, and nothing person-identifying in what comes out.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBronnen } from '../kit/bronnen.js';
import type { FeedPage, FeedSource } from '../kit/feed.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import { vacatureId } from '../kit/vacature-id.js';
import { createWerkgeversverenigingAdapter } from './index.js';

const BASE = 'http://wv.sandbox.test';
const JSONAPI = { 'Content-Type': 'application/vnd.api+json' };
const bronnen = loadBronnen({ WERKGEVERSVERENIGING_BRON_URL: BASE });

type Attributes = Record<string, unknown>;

function werkgever(kvk: string, overrides: Attributes = {}, lidmaatschap: string | null = `lm-${kvk}`) {
  return {
    type: 'werkgevers',
    id: kvk,
    attributes: {
      kvkNummer: kvk,
      handelsnaam: `Bakkerij ${kvk} B.V.`,
      sbiCode: '1071',
      sector: 'Industrie',
      vestigingsgemeente: 'GM0193',
      werkleerplekken: 3,
      gewijzigdOp: '2026-09-30T10:15:00Z',
      ...overrides,
    },
    relationships: { lidmaatschap: { data: lidmaatschap === null ? null : { type: 'lidmaatschappen', id: lidmaatschap } } },
  };
}

function lidmaatschap(kvk: string) {
  return { type: 'lidmaatschappen', id: `lm-${kvk}`, attributes: { branche: 'Bakkerij', vereniging: 'Nederlandse Bakkerij Vereniging', cao: 'Cao Bakkersbedrijf', lidSinds: '2011-04-01' } };
}

function vacature(id: string, overrides: Attributes = {}) {
  return {
    type: 'vacatures',
    id,
    attributes: {
      kvkNummer: '12345678',
      titel: `Broodbakker ${id}`,
      branche: 'Bakkerij',
      soort: 'leerbaan',
      gemeente: 'GM0193',
      postcode: '8011 AB',
      urenPerWeek: 32,
      geplaatstOp: '2026-10-12',
      gewijzigdOp: '2026-10-13T08:00:00Z',
      ...overrides,
    },
  };
}

function document(data: unknown[], options: { included?: unknown[]; next?: boolean } = {}) {
  return {
    jsonapi: { version: '1.1' },
    meta: { totalResources: data.length },
    links: { self: '/jsonapi/x?page[number]=1', ...(options.next ? { next: '/jsonapi/x?page[number]=2' } : {}) },
    data,
    ...(options.included ? { included: options.included } : {}),
  };
}

async function collect<T>(pages: AsyncIterable<FeedPage<T>> | undefined): Promise<FeedPage<T>[]> {
  const result: FeedPage<T>[] = [];
  for await (const page of pages ?? []) result.push(page);
  return result;
}

function feedSource(): FeedSource {
  const [source] = createWerkgeversverenigingAdapter({ bronnen }).feed.sources;
  if (!source) throw new Error('no feed source');
  return source;
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('werkgeversvereniging index feed', () => {
  it('streams every page of member employers with their memberships, one request per page', async () => {
    const scope = nock(BASE)
      .get('/jsonapi/werkgevers')
      .query({ 'page[number]': '1', 'page[size]': '100', include: 'lidmaatschap' })
      .reply(200, document([werkgever('11111111'), werkgever('22222222')], { included: [lidmaatschap('11111111'), lidmaatschap('22222222')], next: true }), JSONAPI)
      .get('/jsonapi/werkgevers')
      .query({ 'page[number]': '2', 'page[size]': '100', include: 'lidmaatschap' })
      .reply(200, document([werkgever('33333333')], { included: [lidmaatschap('33333333')] }), JSONAPI);

    const source = feedSource();
    const pages = await collect(source.werkgevers?.());

    scope.done();
    expect(source).toMatchObject({ bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv' });
    expect(source.kandidaten).toBeUndefined();
    expect(pages.map((p) => p.records.map((r) => r.kvkNummer))).toEqual([['11111111', '22222222'], ['33333333']]);
    expect(pages[0]?.records[0]).toEqual({ kvkNummer: '11111111', bron: 'WERKGEVERSVERENIGING', naam: 'Bakkerij 11111111 B.V.', gemeenteCode: 'GM0193', bijgewerktOp: '2026-09-30T10:15:00Z', sector: 'Industrie' });
    expect(pages.flatMap((p) => p.issues)).toEqual([]);
  });

  it('leaves a malformed employer out and names it by KvK number and field', async () => {
    const { handelsnaam: _left, ...zonderNaam } = werkgever('22222222').attributes;
    nock(BASE)
      .get('/jsonapi/werkgevers')
      .query(true)
      .reply(200, document([werkgever('11111111'), { ...werkgever('22222222'), attributes: zonderNaam }, werkgever('33333333', { vestigingsgemeente: 'Zwolle' })], { included: ['11111111', '22222222', '33333333'].map(lidmaatschap) }), JSONAPI);

    const [page] = await collect(feedSource().werkgevers?.());

    expect(page?.records.map((r) => r.kvkNummer)).toEqual(['11111111']);
    expect(page?.issues).toEqual([
      expect.objectContaining({ bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv', recordSoort: 'werkgever', record: '22222222', veld: 'attributes.handelsnaam' }),
      expect.objectContaining({ record: '33333333', veld: 'attributes.vestigingsgemeente' }),
    ]);
  });

  it('gives branche vacancies the shared vacancy id, so copies at UWV or the WSP merge', async () => {
    nock(BASE).get('/jsonapi/vacatures').query({ 'page[number]': '1', 'page[size]': '100' }).reply(200, document([vacature('bv-1')]), JSONAPI);

    const [page] = await collect(feedSource().vacatures?.());

    expect(page?.records).toEqual([
      {
        id: vacatureId('12345678', 'Broodbakker bv-1', '8011AB'),
        bron: 'WERKGEVERSVERENIGING',
        soort: 'LEERBAAN',
        titel: 'Broodbakker bv-1',
        kvkNummer: '12345678',
        gemeenteCode: 'GM0193',
        postcode: '8011AB',
        beroepscode: null,
        werkDenkNiveau: null,
        urenPerWeek: 32,
        doelgroepen: [],
        geplaatstOp: '2026-10-12',
        bijgewerktOp: '2026-10-13T08:00:00Z',
      },
    ]);
  });

  it('maps sector-fund instruments from kebab-case codes and reports an unknown target group', async () => {
    const instrument = (id: string, doelgroepen: string[]) => ({
      type: 'instrumenten',
      id,
      attributes: { naam: 'Opleidingssubsidie Bakkerij', soort: 'subsidie', doelgroepen, voorwaarden: 'Voor leden.', maxBedrag: 2500, maxDuurMaanden: 12, gewijzigdOp: '2026-10-01T08:00:00Z' },
    });
    nock(BASE).get('/jsonapi/instrumenten').query(true).reply(200, document([instrument('WV-1', ['ww', 'vijftig-plus']), instrument('WV-2', ['iedereen'])]), JSONAPI);

    const [page] = await collect(feedSource().instrumenten?.());

    expect(page?.records).toEqual([
      { id: 'WV-1', bron: 'WERKGEVERSVERENIGING', naam: 'Opleidingssubsidie Bakkerij', soort: 'SUBSIDIE', gemeenteCode: null, regioCode: null, doelgroepen: ['WW', 'VIJFTIG_PLUS'], voorwaarden: 'Voor leden.', maxBedrag: 2500, maxDuurMaanden: 12, bijgewerktOp: '2026-10-01T08:00:00Z' },
    ]);
    expect(page?.issues).toEqual([expect.objectContaining({ recordSoort: 'instrument', record: 'WV-2', veld: 'attributes.doelgroepen.0' })]);
  });
});

describe('werkgeversvereniging loaders', () => {
  it('looks up a batch of employers in one call: member, malformed, not a member', async () => {
    const scope = nock(BASE)
      .get('/jsonapi/werkgevers')
      .query({ 'filter[kvkNummer]': '11111111,22222222,33333333,44444444', 'page[size]': '4', include: 'lidmaatschap' })
      .reply(
        200,
        document([werkgever('11111111'), werkgever('22222222', { werkleerplekken: 'drie' }), werkgever('44444444', {}, null)], { included: [lidmaatschap('11111111'), lidmaatschap('22222222')] }),
        JSONAPI,
      );

    const { werkgever: loader } = createWerkgeversverenigingAdapter({ bronnen }).createLoaders();
    const [lid, kapot, onbekend, zonderLidmaatschap] = await loader.loadMany(['11111111', '22222222', '33333333', '44444444']);

    scope.done();
    expect(lid).toEqual({
      kvkNummer: '11111111',
      handelsnaam: 'Bakkerij 11111111 B.V.',
      sbiCode: '1071',
      sector: 'Industrie',
      gemeenteCode: 'GM0193',
      werkleerplekken: 3,
      lidmaatschap: { branche: 'Bakkerij', vereniging: 'Nederlandse Bakkerij Vereniging', cao: 'Cao Bakkersbedrijf', lidSinds: '2011-04-01' },
      bijgewerktOp: '2026-09-30T10:15:00Z',
    });
    expect(kapot).toBeInstanceOf(PartnerRecordError);
    expect((kapot as PartnerRecordError).issue).toMatchObject({ bron: 'WERKGEVERSVERENIGING', record: '22222222', veld: 'attributes.werkleerplekken' });
    expect(onbekend).toBeNull();
    expect(zonderLidmaatschap).toMatchObject({ kvkNummer: '44444444', lidmaatschap: null });
  });

  it('reports an employer whose included membership is missing or malformed', async () => {
    const kapotLid = { ...lidmaatschap('22222222'), attributes: { ...lidmaatschap('22222222').attributes, lidSinds: '31-02-2011' } };
    nock(BASE).get('/jsonapi/werkgevers').query(true).reply(200, document([werkgever('11111111'), werkgever('22222222')], { included: [kapotLid] }), JSONAPI);

    const loader = createWerkgeversverenigingAdapter({ bronnen }).createLoaders().werkgever;
    const [zonderInclude, kapot] = await loader.loadMany(['11111111', '22222222']);

    expect((zonderInclude as PartnerRecordError).issue.veld).toBe('lidmaatschap');
    expect((kapot as PartnerRecordError).issue.veld).toBe('lidmaatschap.lidSinds');
  });

  it('splits 150 employers into two calls of at most 100 keys', async () => {
    const kvks = Array.from({ length: 150 }, (_, i) => String(10_000_000 + i));
    const sizes: number[] = [];
    const scope = nock(BASE)
      .get('/jsonapi/werkgevers')
      .times(2)
      .query((query) => {
        sizes.push(String(query['filter[kvkNummer]']).split(',').length);
        return true;
      })
      .reply(200, document([]), JSONAPI);

    const results = await createWerkgeversverenigingAdapter({ bronnen }).createLoaders().werkgever.loadMany(kvks);

    scope.done();
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 50]);
    expect(results.every((r) => r === null)).toBe(true);
  });

  it('resolves vacancy ids through the keys learnt at warm-up, in one lookup call', async () => {
    const { geplaatstOp: _left, ...zonderDatum } = vacature('bv-2').attributes;
    nock(BASE)
      .get('/jsonapi/vacatures')
      .query({ 'page[number]': '1', 'page[size]': '100' })
      .reply(200, document([vacature('bv-1'), { ...vacature('bv-2'), attributes: zonderDatum }, vacature('bv-3', { kvkNummer: 'onbekend' })]), JSONAPI);
    const adapter = createWerkgeversverenigingAdapter({ bronnen });

    const warm = await adapter.warmUp();
    expect(warm.records).toBe(1);
    expect(warm.issues.map((i) => [i.record, i.veld])).toEqual([
      ['bv-2', 'attributes.geplaatstOp'],
      ['bv-3', 'attributes.kvkNummer'],
    ]);

    const lookup = nock(BASE)
      .get('/jsonapi/vacatures')
      .query({ 'filter[id]': 'bv-1,bv-2', 'page[size]': '2' })
      .reply(200, document([vacature('bv-1'), { ...vacature('bv-2'), attributes: zonderDatum }]), JSONAPI);
    const id = (titel: string) => vacatureId('12345678', titel, '8011AB');
    const [goed, kapot, onbekend] = await adapter.createLoaders().vacature.loadMany([id('Broodbakker bv-1'), id('Broodbakker bv-2'), id('Broodbakker bv-9')]);

    lookup.done();
    expect(goed).toMatchObject({ id: id('Broodbakker bv-1'), branche: 'Bakkerij', soort: 'LEERBAAN' });
    expect((kapot as PartnerRecordError).issue).toMatchObject({ recordSoort: 'vacature', record: 'bv-2', veld: 'attributes.geplaatstOp' });
    expect(onbekend).toBeNull();
  });
});

describe('werkgeversvereniging failures', () => {
  it('turns a 503 into PartnerUnavailableError naming the bron, for every key of the call', async () => {
    nock(BASE).get('/jsonapi/werkgevers').query(true).reply(503, 'Service Unavailable');

    const results = await createWerkgeversverenigingAdapter({ bronnen }).createLoaders().werkgever.loadMany(['11111111', '22222222']);

    for (const result of results) {
      expect(result).toBeInstanceOf(PartnerUnavailableError);
      expect(result).toMatchObject({ bron: 'WERKGEVERSVERENIGING', bronSysteem: 'wv' });
    }
  });

  it('fails the feed with PartnerUnavailableError when a page is not a JSON:API document', async () => {
    nock(BASE).get('/jsonapi/instrumenten').query(true).reply(200, '<html>maintenance</html>', { 'Content-Type': 'text/html' });

    await expect(collect(feedSource().instrumenten?.())).rejects.toMatchObject({ name: 'PartnerUnavailableError', bron: 'WERKGEVERSVERENIGING' });
  });

  it('retries a failed warm-up when vacancies are looked up', async () => {
    nock(BASE).get('/jsonapi/vacatures').query(true).reply(503);
    const adapter = createWerkgeversverenigingAdapter({ bronnen });
    await expect(adapter.warmUp()).rejects.toBeInstanceOf(PartnerUnavailableError);

    nock(BASE).get('/jsonapi/vacatures').query({ 'page[number]': '1', 'page[size]': '100' }).reply(200, document([vacature('bv-1')]), JSONAPI);
    nock(BASE).get('/jsonapi/vacatures').query({ 'filter[id]': 'bv-1', 'page[size]': '1' }).reply(200, document([vacature('bv-1')]), JSONAPI);
    const found = await adapter.createLoaders().vacature.load(vacatureId('12345678', 'Broodbakker bv-1', '8011 AB'));

    expect(found).toMatchObject({ kvkNummer: '12345678', branche: 'Bakkerij' });
    expect(nock.isDone()).toBe(true);
  });

  it('carries no BSN a partner slipped into a record into records, issues or errors', async () => {
    const bsn = '111222333';
    const { handelsnaam: _left, ...zonderNaam } = werkgever('22222222', { contactpersoonBsn: bsn }).attributes;
    nock(BASE)
      .get('/jsonapi/werkgevers')
      .query(true)
      .reply(200, document([werkgever('11111111', { contactpersoonBsn: bsn }), { ...werkgever('22222222'), attributes: zonderNaam }], { included: [lidmaatschap('11111111'), lidmaatschap('22222222')] }), JSONAPI);

    const results = await createWerkgeversverenigingAdapter({ bronnen }).createLoaders().werkgever.loadMany(['11111111', '22222222']);

    expect(results[1]).toBeInstanceOf(PartnerRecordError);
    const seen = JSON.stringify(results.map((r) => (r instanceof PartnerRecordError ? { message: r.message, issue: r.issue } : r)));
    expect(seen).toContain('11111111');
    expect(seen).not.toContain(bsn);
  });
});
