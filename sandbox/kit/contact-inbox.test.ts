/** The sandbox partners' contact inbox: one contact per source system and key, repeats counted, and its overview route outside the knobs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactInbox } from './contact-inbox.js';
import { startPartnerServer, type PartnerServer } from './partner-server.js';

describe('contact inbox', () => {
  it('keeps the first contact per source system and key, and counts every delivery', () => {
    const inbox = createContactInbox((n, bronSysteem) => `${bronSysteem}/${n}`);

    expect(inbox.receive('a', 'k1', { onderwerp: 'eerste' })).toEqual({ referentie: 'a/1', nieuw: true, velden: { onderwerp: 'eerste' } });
    expect(inbox.receive('a', 'k1', { onderwerp: 'tweede' })).toEqual({ referentie: 'a/1', nieuw: false, velden: { onderwerp: 'eerste' } });
    expect(inbox.receive('b', 'k1', { onderwerp: 'elders' })).toEqual({ referentie: 'b/1', nieuw: true, velden: { onderwerp: 'elders' } });
    expect(inbox.receive('a', 'k2', { onderwerp: 'nog een' })).toMatchObject({ referentie: 'a/2', nieuw: true });
    inbox.receive('a', 'k1', {});

    expect(inbox.overzicht()).toEqual({
      ontvangen: 5,
      herhaald: 2,
      contactmomenten: [
        { bronSysteem: 'a', sleutel: 'k1', referentie: 'a/1', pogingen: 3, ontvangenOp: expect.any(String), velden: { onderwerp: 'eerste' } },
        { bronSysteem: 'b', sleutel: 'k1', referentie: 'b/1', pogingen: 1, ontvangenOp: expect.any(String), velden: { onderwerp: 'elders' } },
        { bronSysteem: 'a', sleutel: 'k2', referentie: 'a/2', pogingen: 1, ontvangenOp: expect.any(String), velden: { onderwerp: 'nog een' } },
      ],
    });
  });

  it('hands out copies: changing what it returned does not change what it stored', () => {
    const inbox = createContactInbox((n) => String(n));
    const record = { onderwerp: 'origineel' };
    inbox.receive('a', 'k', record);
    record.onderwerp = 'gewijzigd';
    inbox.overzicht().contactmomenten[0]!.velden.onderwerp = 'ook gewijzigd';
    expect(inbox.overzicht().contactmomenten[0]?.velden).toEqual({ onderwerp: 'origineel' });
  });
});

describe('GET /_sandbox/contactmomenten', () => {
  const inbox = createContactInbox((n) => `CM${n}`);
  let server: PartnerServer;

  beforeAll(async () => {
    server = await startPartnerServer({
      name: 'proef',
      contactInbox: inbox,
      knobs: { errorRate: 1, latencyMs: 2_000 },
      routes: [{ method: 'POST', path: '/contactmomenten', handle: () => ({ status: 201, contentType: 'text/plain', body: 'ok' }) }],
    });
  });
  afterAll(() => server.close());

  it('shows the inbox, and is never counted, delayed or failed by the knobs', async () => {
    inbox.receive('proef', 'k1', { kanaal: 'bezoek' });
    const started = Date.now();
    const response = await fetch(`${server.url}/_sandbox/contactmomenten`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ontvangen: 1, herhaald: 0, contactmomenten: [{ bronSysteem: 'proef', sleutel: 'k1', referentie: 'CM1', pogingen: 1, ontvangenOp: expect.any(String), velden: { kanaal: 'bezoek' } }] });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.counters().total).toBe(0);
    expect(server.contactInbox).toBe(inbox);
  });
});
