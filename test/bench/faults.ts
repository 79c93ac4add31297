/**
 * `npm run bench -- faults`: what the failures of the hardening issue cost now, with the documented
 * defaults (PARTNER_TIMEOUT_MS 5 s, breaker after 5 failures for 10 s, REQUEST_DEADLINE_MS 15 s).
 * - the employer view (every partner subgraph) at 40 concurrent clients: normal, then with UWV hung
 *   (the issue: p50 12.9 s, slowest 20 s, every request paying the 10 s timeout);
 * - one subgraph that accepts connections and never answers, at 40 concurrent clients (the issue: a
 *   request still open after 150 s);
 * - the abusive queries of the issue: how fast they are refused, and a normal query right after.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startGateway } from '../../gateway/server.js';
import { DEFAULT_KNOBS } from '../../sandbox/kit/partner-server.js';
import type { Stack } from '../../sandbox/stack.js';
import type { TestAccess } from '../support/access.js';
import { ACCOUNTMANAGER, EMPLOYER_VIEW } from '../support/employer-view.js';
import { closedLoop, summarize, timedPost } from './load.js';

const NO_RATE_LIMIT = { perActor: 1_000_000, perAddress: 1_000_000 };

export async function faults(stack: Stack, access: TestAccess): Promise<void> {
  const headers = await access.headers(ACCOUNTMANAGER);
  const body = JSON.stringify({ query: EMPLOYER_VIEW });
  const view = (url = stack.gatewayUrl) => timedPost(url, body, headers);
  await closedLoop(20, 4, () => view());

  const report = (scenario: string, extra: Record<string, unknown> = {}) => (answers: Awaited<ReturnType<typeof closedLoop>>) =>
    console.log(JSON.stringify({ bench: 'faults', scenario, ...summarize(answers), ...extra }));

  report('employer view, 40 concurrent, all partners up')(await closedLoop(400, 40, () => view()));

  const uwv = stack.sandboxes.uwv;
  uwv.resetCounters();
  uwv.knobs.hangRate = 1;
  const hung = await closedLoop(400, 40, () => view());
  report('employer view, 40 concurrent, UWV hung', { uwvCalls: uwv.counters().total })(hung);
  Object.assign(uwv.knobs, DEFAULT_KNOBS);
  // Back up: how long until the view is complete again (the breaker's pause, then a probe).
  const back = performance.now();
  while ((await view()).codes.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  console.log(JSON.stringify({ bench: 'faults', scenario: 'UWV back: until the view is complete again', ms: Math.round(performance.now() - back) }));

  // A subgraph that never answers, behind a gateway with the default deadline.
  const sockets = new Set<net.Socket>();
  const blackHole = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const subgraphUrls = { ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])), werkgeversvereniging: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/` };
  const gateway = await startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls, rateLimit: NO_RATE_LIMIT });
  try {
    report('employer view, 40 concurrent, werkgeversvereniging subgraph hung')(await closedLoop(400, 40, () => view(gateway.url)));
  } finally {
    await gateway.stop();
    for (const socket of sockets) socket.destroy();
    blackHole.close();
  }

  let cycle = 'code';
  for (let i = 0; i < 50; i++) cycle = `arbeidsmarktregio { gemeenten { ${cycle} } }`;
  const page = 'werkgevers(first: 20) { edges { node { kvkNummer naam bronnen uwvRelatie { accountmanager laatsteContact } gemeenteRelaties { lksPlaatsingen } } } }';
  const abuse: Record<string, string> = {
    'cycle 50 levels': JSON.stringify({ query: `{ gemeente(code: "GM0193") { ${cycle} } }` }),
    '100 aliases of an employer page': JSON.stringify({ query: `{ arbeidsmarktregio(code: "AM36") { ${Array.from({ length: 100 }, (_, i) => `p${i}: ${page}`).join(' ')} } }` }),
    '8.5 MB query text': JSON.stringify({ query: `{ arbeidsmarktregio(code: "AM36") { naam ${'__typename '.repeat(780_000)} } }` }),
  };
  for (const [name, abusive] of Object.entries(abuse)) {
    const refused = await timedPost(stack.gatewayUrl, abusive, headers);
    const after = await view();
    console.log(JSON.stringify({ bench: 'faults', scenario: `abuse: ${name}`, bodyBytes: abusive.length, refusedMs: Math.round(refused.ms), status: refused.status, codes: refused.codes, normalQueryAfterMs: Math.round(after.ms), normalQueryErrors: after.codes }));
  }
}
