/**
 * Faults between the parts of the graph rather than at a partner:
 * - a partner subgraph that started while its partner was slow. The hardening issue found that the
 *   SW-bedrijf source systems whose warm-up read timed out were never read again (with the default
 *   SYNC_INTERVAL_SECONDS=0), `bronStatus` showed no error and their employers' `swDetacheringen`
 *   came back null without an error. Now each such system is read again with backoff until it
 *   succeeds; meanwhile its records' fields answer `PARTNER_UNAVAILABLE` (`NIET_GELEZEN`) naming the
 *   system, and `bronStatus.swBedrijfKoppeling` shows the failure.
 * - a subgraph that accepts connections and never answers: the request still ends (the gateway's
 *   deadline bounds every subgraph call) with that subgraph's fields null and an error naming it,
 *   everything else served.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { DEFAULT_KNOBS } from '../../sandbox/kit/partner-server.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import type { SubgraphName } from '../../schema/subgraphs.js';
import { accessDependencies } from '../../subgraphs/kit/access/access-settings.js';
import { startSwBedrijfSubgraph } from '../../subgraphs/sw-bedrijf/server.js';
import type { RunningPartnerSubgraph } from '../../subgraphs/kit/partner-subgraph.js';
import { testAccess } from '../support/access.js';
import { ACCOUNTMANAGER, EMPLOYER_VIEW, nodesOf, partErrors, partOutcome, REGIO, type EmployerView } from '../support/employer-view.js';
import { graphql } from '../support/graphql.js';

const access = testAccess();
const BEHEERDER = { sub: 'beheerder-faults', rol: 'beheerder', organisatie: 'LOKET', regios: [] };
let stack: Stack;

beforeAll(async () => {
  vi.stubEnv('PARTNER_TIMEOUT_MS', '800');
  stack = await startStack({ ports: 'ephemeral', world: { seed: 82, kandidaten: 300, vacatures: 100, werkgevers: 250, malformedRate: 0 }, database: { dataDir: 'memory://' }, access: access.settings, rateLimit: { perActor: 100_000, perAddress: 100_000 } });
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await stack?.stop();
});

/** A gateway over the stack's subgraphs, some of them replaced. */
function gatewayWith(replaced: Partial<Record<SubgraphName, string>>, deadlineMs?: number): Promise<RunningGateway> {
  const subgraphUrls = { ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])), ...replaced };
  return startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls, rateLimit: { perActor: 100_000, perAddress: 100_000 }, deadlineMs });
}

describe('a partner subgraph whose warm-up could not read a source system', () => {
  it('answers that system’s records with NIET_GELEZEN, shows it in bronStatus, reads it again and then serves them', async () => {
    const systeem = stack.bronnen.swBedrijf.find((b) => b.regio === REGIO)!.id;
    const sandbox = stack.sandboxes['sw-bedrijf'];
    // The region's SW-bedrijf hangs while a second SW-bedrijf subgraph starts; the loket index already holds it.
    Object.assign(sandbox.knobs, { hangRate: 1, scope: `/bedrijven/${systeem}/` });
    let sw: RunningPartnerSubgraph | undefined;
    let gateway: RunningGateway | undefined;
    try {
      sw = await startSwBedrijfSubgraph({ port: 0, bronnen: stack.bronnen, pseudonymize: stack.pseudonymize, access: accessDependencies(stack.accessSettings, 'sw-bedrijf'), warmUpRetryMs: 200, log: () => {} });
      gateway = await gatewayWith({ 'sw-bedrijf': sw.url });
      expect([...sw.unread().keys()]).toEqual([systeem]);
      const headers = await access.headers(ACCOUNTMANAGER);

      const during = (await graphql(gateway.url, EMPLOYER_VIEW, undefined, headers)) as EmployerView;
      const outcome = partOutcome(during, 'sw-bedrijf');
      expect(outcome).toMatchObject({ served: 0, silent: [] });
      expect(outcome.failed).toBeGreaterThan(0);
      for (const error of partErrors(during, 'sw-bedrijf')) {
        expect(error.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', bron: 'SW_BEDRIJF', bronSysteem: systeem, categorie: 'NIET_GELEZEN', retryable: true });
      }
      for (const other of ['gemeente', 'uwv', 'onderwijs', 'werkgeversvereniging'] as const) expect(partOutcome(during, other), other).toMatchObject({ failed: 0, silent: [] });

      const koppeling = async () => {
        const response = await graphql(gateway!.url, '{ bronStatus { bronSysteem fout swBedrijfKoppeling { gelezen gelezenOp fout } uwvKoppeling { gelezen } } }', undefined, await access.headers(BEHEERDER));
        expect(response.errors).toBeUndefined();
        return response.data?.bronStatus as { bronSysteem: string; fout: string | null; swBedrijfKoppeling: { gelezen: boolean; gelezenOp: string | null; fout: string | null } | null; uwvKoppeling: unknown }[];
      };
      const statussen = await koppeling();
      // The index read it fine; the subgraph could not.
      expect(statussen.find((s) => s.bronSysteem === systeem)).toEqual({ bronSysteem: systeem, fout: null, swBedrijfKoppeling: { gelezen: false, gelezenOp: null, fout: `SW_BEDRIJF (${systeem}): the partner system did not answer in time` }, uwvKoppeling: null });
      const andere = statussen.filter((s) => s.bronSysteem.startsWith('sw-') && s.bronSysteem !== systeem);
      expect(andere.length).toBeGreaterThan(0);
      for (const s of andere) expect(s.swBedrijfKoppeling).toMatchObject({ gelezen: true, gelezenOp: expect.any(String), fout: null });
      expect(statussen.find((s) => s.bronSysteem === 'uwv')).toMatchObject({ swBedrijfKoppeling: null, uwvKoppeling: { gelezen: true } });

      Object.assign(sandbox.knobs, DEFAULT_KNOBS);
      await vi.waitFor(
        async () => {
          const after = (await graphql(gateway!.url, EMPLOYER_VIEW, undefined, headers)) as EmployerView;
          expect(after.errors).toBeUndefined();
          expect(partOutcome(after, 'sw-bedrijf')).toEqual({ served: outcome.failed, failed: 0, silent: [] });
        },
        { timeout: 30_000, interval: 200 },
      );
      expect((await koppeling()).find((s) => s.bronSysteem === systeem)?.swBedrijfKoppeling).toMatchObject({ gelezen: true, gelezenOp: expect.any(String), fout: null });
      expect(sw.unread().size).toBe(0);
    } finally {
      Object.assign(sandbox.knobs, DEFAULT_KNOBS);
      await gateway?.stop();
      await sw?.stop();
    }
  });
});

describe('a subgraph that never answers', () => {
  it('costs the request at most its deadline: its fields are null with SUBGRAPH_UNAVAILABLE naming it, the rest is served', async () => {
    const sockets = new Set<net.Socket>();
    const blackHole = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const gateway = await gatewayWith({ werkgeversvereniging: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/` }, 3_000);
    try {
      const headers = await access.headers(ACCOUNTMANAGER);
      const normal = (await graphql(stack.gatewayUrl, EMPLOYER_VIEW, undefined, headers)) as EmployerView;
      expect(partOutcome(normal, 'werkgeversvereniging').served).toBeGreaterThan(0);
      const response = (await graphql(gateway.url, EMPLOYER_VIEW, undefined, headers)) as EmployerView;
      const nodes = nodesOf(response);
      expect(nodes.map((node) => node.kvkNummer)).toEqual(nodesOf(normal).map((node) => node.kvkNummer));
      expect(nodes.every((node) => node.lidmaatschap === null)).toBe(true);
      expect(response.errors).toContainEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'werkgeversvereniging', retryable: true }) }));
      expect(JSON.stringify(response.errors)).not.toContain('127.0.0.1');
      for (const other of ['gemeente', 'uwv', 'sw-bedrijf', 'onderwijs'] as const) expect(partOutcome(response, other), other).toMatchObject({ failed: 0, silent: [] });
      // The gateway says which subgraph it cannot reach.
      const ready = (await (await fetch(new URL('ready', gateway.url))).json()) as { status: string; checks: { name: string; ok: boolean }[] };
      expect(ready.status).toBe('degraded');
      expect(ready.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['subgraph:werkgeversvereniging']);
    } finally {
      await gateway.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });
});
