/**
 * Faults between the parts of the graph rather than at a partner:
 * - a partner subgraph that started while its partner was slow. The hardening issue found that the
 *   SW-bedrijf source systems whose warm-up read timed out were never read again (with the default
 *   SYNC_INTERVAL_SECONDS=0), `bronStatus` showed no error and their employers' `swDetacheringen`
 *   came back null without an error. Now each such system is read again with backoff until it
 *   succeeds; meanwhile its records' fields answer `PARTNER_UNAVAILABLE` (`NIET_GELEZEN`) naming the
 *   system, and `bronStatus.swBedrijfKoppeling` shows the failure.
 * - a subgraph that accepts connections and never answers (the issue: a request still open after
 *   150 s): the request ends at the subgraph timeout with that subgraph's fields null and an error
 *   naming it, everything else served; after repeated failures its breaker opens and it is not called
 *   at all. A client asking for a short deadline (`x-deadline-ms`) cannot open it for everyone.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import type { SubgraphBreakerSettings } from '../../gateway/subgraph-breaker.js';
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
function gatewayWith(replaced: Partial<Record<SubgraphName, string>>, subgraphBreaker?: SubgraphBreakerSettings): Promise<RunningGateway> {
  const subgraphUrls = { ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])), ...replaced };
  return startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls, rateLimit: { perActor: 100_000, perAddress: 100_000 }, subgraphBreaker });
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
  it('costs a request at most the subgraph timeout, and after repeated failures nothing: its fields are null with SUBGRAPH_UNAVAILABLE naming it, the rest is served', async () => {
    const sockets = new Set<net.Socket>();
    // Requests that reached it (a client may open spare connections, so connections are not counted).
    let requests = 0;
    const blackHole = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('data', (chunk) => (requests += (chunk.toString('latin1').match(/^POST /gm) ?? []).length));
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const gateway = await gatewayWith({ werkgeversvereniging: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/` }, { timeoutMs: 1_000, failures: 2, pauseMs: 60_000 });
    try {
      const headers = await access.headers(ACCOUNTMANAGER);
      const normal = (await graphql(stack.gatewayUrl, EMPLOYER_VIEW, undefined, headers)) as EmployerView;
      expect(partOutcome(normal, 'werkgeversvereniging').served).toBeGreaterThan(0);
      const ask = async () => {
        const response = (await graphql(gateway.url, EMPLOYER_VIEW, undefined, headers)) as EmployerView;
        expect(nodesOf(response).map((node) => node.kvkNummer)).toEqual(nodesOf(normal).map((node) => node.kvkNummer));
        expect(nodesOf(response).every((node) => node.lidmaatschap === null)).toBe(true);
        for (const other of ['gemeente', 'uwv', 'sw-bedrijf', 'onderwijs'] as const) expect(partOutcome(response, other), other).toMatchObject({ failed: 0, silent: [] });
        expect(JSON.stringify(response.errors)).not.toContain('127.0.0.1');
        const failures = (response.errors ?? []).filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
        expect(failures.map((e) => e.extensions)).toEqual(failures.map(() => expect.objectContaining({ subgraph: 'werkgeversvereniging', retryable: true })));
        return failures.map((e) => e.extensions?.categorie);
      };
      expect(await ask()).toEqual(['TIMEOUT']);
      expect(await ask()).toEqual(['TIMEOUT']);
      expect(requests).toBe(2);
      // The breaker is open: the subgraph is not called at all.
      expect(await ask()).toEqual(['ONDERBROKEN']);
      expect(await ask()).toEqual(['ONDERBROKEN']);
      expect(requests).toBe(2);
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

  it('is not cut off for everyone by clients that ask for a short deadline', async () => {
    const sockets = new Set<net.Socket>();
    const blackHole = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const gateway = await gatewayWith({ werkgeversvereniging: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/` }, { timeoutMs: 5_000, failures: 2, pauseMs: 60_000 });
    try {
      const headers = { ...(await access.headers(ACCOUNTMANAGER)), 'x-deadline-ms': '1500' };
      for (let i = 0; i < 4; i++) {
        const response = (await graphql(gateway.url, '{ arbeidsmarktregio(code: "AM36") { werkgevers(first: 1) { edges { node { lidmaatschap { branche } } } } } }', undefined, headers)) as EmployerView;
        const categorieen = (response.errors ?? []).filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE').map((e) => e.extensions?.categorie);
        expect(categorieen).toEqual(['TIMEOUT']);
      }
    } finally {
      await gateway.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });
});
