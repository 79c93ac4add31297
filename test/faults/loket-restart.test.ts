/**
 * A loket that dies between storing a contact and delivering it: the contact is registered while
 * UWV's system refuses deliveries, the loket's thread is killed (no stop, nothing closed), and a new
 * graph on the same store — UWV's system working again — delivers it, exactly once. On the embedded
 * store (a PGlite folder on disk) and, with DATABASE_URL, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import type { DatabaseOptions } from '../../subgraphs/kit/store/database.js';
import { startStack, type Stack, type StackOptions } from '../../sandbox/stack.js';
import { testAccess } from '../support/access.js';
import { testDatabase } from '../support/database.js';
import { graphql } from '../support/graphql.js';

const access = testAccess();
const postgres = testDatabase();
const folder = mkdtempSync(join(tmpdir(), 'loket-restart-'));
const database: DatabaseOptions = postgres.kind === 'postgres' ? postgres.options : { dataDir: join(folder, 'loket') };
const accountmanager: DevTokenClaims = { sub: 'am-restart', rol: 'accountmanager', organisatie: 'UWV', regios: ['AM36'] };
const REGISTREREN = { doelbinding: 'werkgeversdienstverlening', verwerking: 'werkgeverscontact-registreren' };
const running: Stack[] = [];

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await postgres.dispose();
  rmSync(folder, { recursive: true, force: true });
});

async function graph(extra: Partial<StackOptions>): Promise<Stack> {
  const stack = await startStack({
    ports: 'ephemeral',
    world: { seed: 31, kandidaten: 300, vacatures: 100, werkgevers: 200, malformedRate: 0 },
    database,
    logboekDatabase: postgres.kind === 'postgres' ? undefined : { dataDir: join(folder, 'logboek') },
    access: access.settings,
    outbox: { intervalMs: 50, initialMs: 100, maxMs: 300, leaseMs: 10_000 },
    ...extra,
  });
  running.push(stack);
  return stack;
}

async function levering(stack: Stack, kvk: string, id: string): Promise<{ status: string; pogingen: number } | undefined> {
  const r = await graphql(stack.gatewayUrl, 'query($kvk: ID!) { werkgever(kvkNummer: $kvk) { contactmomenten(first: 100) { id levering { status pogingen } } } }', { kvk }, await access.headers(accountmanager));
  return r.data?.werkgever?.contactmomenten?.find((c: { id: string }) => c.id === id)?.levering;
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`a loket killed between the write and the delivery (${postgres.kind})`, () => {
  it('delivers the stored contact after the restart, once', async () => {
    const first = await graph({ knobs: { uwv: { errorRate: 1, scope: 'contactmoment' } } });
    const kvk = first.world.werkgevers.find((w) => w.regioCode === 'AM36' && w.uwv)!.kvkNummer;
    const sleutel = randomUUID();
    const r = await graphql(
      first.gatewayUrl,
      'mutation($invoer: ContactmomentInvoer!, $sleutel: String!) { registreerContactmoment(invoer: $invoer, idempotentieSleutel: $sleutel) { contactmoment { id } } }',
      { invoer: { werkgever: kvk, kanaal: 'MAIL', status: 'GEDAAN', datum: new Date().toISOString().slice(0, 10), medewerker: 'R. Herstart', onderwerp: 'Na de crash' }, sleutel },
      await access.headers(accountmanager, REGISTREREN),
    );
    expect(r.errors).toBeUndefined();
    const id = r.data?.registreerContactmoment.contactmoment.id as string;
    await until(async () => (await levering(first, kvk, id))?.status === 'FAILED', 'a refused delivery');

    await first.loket.kill();
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await graph({});
    await until(async () => (await levering(second, kvk, id))?.status === 'DELIVERED', 'delivery after the restart');
    const inbox = (await (await fetch(`${second.sandboxes.uwv.url}/_sandbox/contactmomenten`)).json()) as { contactmomenten: { sleutel: string; pogingen: number }[] };
    expect(inbox.contactmomenten.filter((c) => c.sleutel === `UWV:${sleutel}`)).toEqual([expect.objectContaining({ pogingen: 1 })]);
  });
});
