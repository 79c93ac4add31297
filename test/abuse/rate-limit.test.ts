/**
 * The hardening issue found 300 requests in a row all answered 200: no rate limit. Now a flood of one
 * actor, or of attempts without a valid token from one address, is answered 429 `RATE_LIMITED` with
 * `Retry-After`, before anything is fetched; other actors are not affected; and the counts are shared
 * between gateway replicas through Redis when `REDIS_URL` is set (CI sets it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { startStack, type Stack } from '../../sandbox/stack.js';
import { testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';

const access = testAccess();
const store = testDatabase();
// A window of a minute, so a slow machine sends every request of a test within one window.
const LIMITS = { perActor: 30, perAddress: 10, windowSeconds: 60 };
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: 'ephemeral', world: { seed: 32, kandidaten: 300, vacatures: 100, werkgevers: 100, malformedRate: 0 }, database: store.options, access: access.settings, rateLimit: LIMITS });
});

afterAll(async () => {
  await stack?.stop();
  await store.dispose();
});

const QUERY = JSON.stringify({ query: '{ arbeidsmarktregio(code: "AM36") { naam } }' });

async function post(url: string, headers: Record<string, string>): Promise<{ status: number; retryAfter: string | null; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: await response.json() };
}

function partnerCalls(): number {
  return Object.values(stack.sandboxes).reduce((sum, s) => sum + s.counters().total, 0);
}

describe('rate limits', () => {
  it('answer the requests of one actor over the limit with 429 and Retry-After; other actors go on', async () => {
    const headers = await access.headers({ sub: 'vloed', rol: 'analist', organisatie: 'X', regios: ['AM36'] });
    const responses = [];
    for (let i = 0; i < 40; i++) responses.push(await post(stack.gatewayUrl, headers));
    expect(responses.slice(0, LIMITS.perActor).every((r) => r.status === 200)).toBe(true);
    const refused = responses.slice(LIMITS.perActor);
    expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 429));
    expect(refused[0]!.json.errors[0]).toMatchObject({ message: expect.stringMatching(/^Too many requests for this actor: at most 30 per 60 seconds; try again in \d+ s$/), extensions: { code: 'RATE_LIMITED' } });
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused[0]!.retryAfter)).toBeLessThanOrEqual(60);
    // The same person in another organisation is another actor; so is anyone else.
    expect((await post(stack.gatewayUrl, await access.headers({ sub: 'vloed', rol: 'analist', organisatie: 'Y', regios: ['AM36'] }))).status).toBe(200);
    expect((await post(stack.gatewayUrl, await access.headers({ sub: 'ander', rol: 'analist', organisatie: 'X', regios: ['AM36'] }))).status).toBe(200);
  });

  it('answer attempts without a valid token over the limit per address with 429, before any work', async () => {
    const before = partnerCalls();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await post(stack.gatewayUrl, { authorization: 'Bearer niet.een.token' })).status);
    expect(statuses).toEqual([...Array.from({ length: LIMITS.perAddress }, () => 401), ...Array.from({ length: 5 }, () => 429)]);
    expect(partnerCalls()).toBe(before);
  });

  // Needs a Redis server: runs where REDIS_URL is set (CI sets it), skipped elsewhere.
  it.runIf(process.env.REDIS_URL)('share the counts between gateway replicas through Redis', async () => {
    const replicas: RunningGateway[] = [];
    try {
      const redisUrl = process.env.REDIS_URL!;
      const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
      for (let i = 0; i < 2; i++) replicas.push(await startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls, rateLimit: { ...LIMITS, redisUrl } }));
      const headers = await access.headers({ sub: `replica-${Date.now()}`, rol: 'analist', organisatie: 'X', regios: ['AM36'] });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await post(replicas[i % 2]!.url, headers)).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.perActor);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    } finally {
      for (const replica of replicas) await replica.stop();
    }
  });

  it('go on counting in the gateway itself while Redis cannot be reached', async () => {
    const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
    const gateway = await startGateway({ port: 0, auth: stack.accessSettings.auth, diensten: stack.accessSettings.diensten, subgraphUrls, rateLimit: { ...LIMITS, redisUrl: 'redis://127.0.0.1:9' } });
    try {
      const headers = await access.headers({ sub: 'zonder-redis', rol: 'analist', organisatie: 'X', regios: ['AM36'] });
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await post(gateway.url, headers)).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.perActor);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    } finally {
      await gateway.stop();
    }
  });
});
