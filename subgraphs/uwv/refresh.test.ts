/**
 * With a refresh interval, a partner subgraph learns people that are new at the partner without a
 * restart: here UWV's system is replaced by one holding other people, on the same address.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadBronnen } from '../../adapters/kit/bronnen.js';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import { generateWorld } from '../../sandbox/generator/world.js';
import type { PartnerServer } from '../../sandbox/kit/partner-server.js';
import { startUwvSandbox } from '../../sandbox/uwv/server.js';
import { subgraphTestAccess } from '../../test/support/access.js';
import { graphql } from '../../test/support/graphql.js';
import type { RunningPartnerSubgraph } from '../kit/partner-subgraph.js';
import { startUwvSubgraph } from './server.js';

const pseudonymize = createPseudonymizer('subgraph-test-pseudoniem-sleutel-van-32-tekens');
const t = subgraphTestAccess('uwv');
const size = { kandidaten: 200, vacatures: 50, werkgevers: 50 };
const before = generateWorld({ seed: 1, ...size });
const after = generateWorld({ seed: 2, ...size });
const QUERY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Kandidaat { id uwvDossier { ingeschrevenSinds } } } }';
let sandbox: PartnerServer | undefined;
let subgraph: RunningPartnerSubgraph | undefined;

afterAll(async () => {
  await subgraph?.stop();
  await sandbox?.close();
});

describe('uwv subgraph refresh', () => {
  it('resolves a person new at UWV after the next refresh', async () => {
    const bronnen = loadBronnen();
    sandbox = await startUwvSandbox(before, bronnen);
    const port = Number(new URL(sandbox.url).port);
    subgraph = await startUwvSubgraph({ bronnen: loadBronnen({ UWV_BRON_URL: sandbox.url }), pseudonymize, refreshIntervalMs: 100, log: () => {}, access: t.deps });
    const nieuw = after.personen.find((p) => p.uwv && !p.uwv.corrupt);
    const representation = [t.granted({ __typename: 'Kandidaat', id: pseudonymize(nieuw!.bsn) })];

    const unknown = await graphql(subgraph.url, QUERY, { r: representation }, await t.headers());
    expect(unknown.data?._entities).toEqual([{ id: representation[0]?.id, uwvDossier: null }]);

    await sandbox.close();
    sandbox = await startUwvSandbox(after, bronnen, { port });
    await vi.waitFor(
      async () => {
        const known = await graphql(subgraph!.url, QUERY, { r: representation }, await t.headers());
        expect(known.data?._entities[0].uwvDossier).toEqual({ ingeschrevenSinds: nieuw!.uwv!.inschrijfdatum });
      },
      { timeout: 5_000, interval: 100 },
    );
  });
});
