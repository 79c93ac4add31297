/**
 * The onderwijs (ROC/SBB) adapter: the only code that knows SBB's JSON service. It gives the loket
 * an index feed, learns at warm-up which deelnemer and leerbaan hide behind each pseudonym and vacancy
 * id, makes per-request batch loaders for the onderwijs subgraph, and delivers contact moments to SBB.
 */
import type { BronnenConfig } from '../kit/bronnen.js';
import type { LeverContact } from '../kit/contact-levering.js';
import type { IndexFeed } from '../kit/feed.js';
import { KeyRegistry } from '../kit/key-registry.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { createOnderwijsClient } from './client.js';
import { createOnderwijsLeverContact } from './deliver-contact.js';
import { createOnderwijsFeed } from './index-feed.js';
import { createOnderwijsLoaders, type OnderwijsLoaders } from './loaders.js';
import { readDeelnemers, readLeerbanen } from './read-records.js';

export type { OnderwijsLoaders } from './loaders.js';

export interface OnderwijsAdapterOptions {
  bronnen: BronnenConfig;
  pseudonymize: Pseudonymize;
  /** Per partner call; default 10 s. */
  timeoutMs?: number;
  /** The current date, for age-based target groups; defaults to the clock. */
  now?: () => Date;
}

export interface WarmUpResult {
  /** Deelnemers and leerbanen registered (including those whose record is malformed but whose key is readable). */
  records: number;
  /** Records left out of the lists because they were malformed. */
  issues: PartnerRecordIssue[];
}

export interface OnderwijsAdapter {
  bron: 'ONDERWIJS';
  /** SBB's one source system. */
  systemen: readonly string[];
  feed: IndexFeed;
  /** Reads the deelnemer and leerbaan lists once and registers their keys. */
  warmUp(): Promise<WarmUpResult>;
  createLoaders(): OnderwijsLoaders;
  /**
   * Delivers a contact moment to SBB (`POST /api/v1/contactmomenten`, the key as `Idempotency-Key`)
   * through the same client, breaker and deadline as the reads.
   */
  leverContact: LeverContact;
}

export function createOnderwijsAdapter(options: OnderwijsAdapterOptions): OnderwijsAdapter {
  const client = createOnderwijsClient(options.bronnen.onderwijs, options.timeoutMs);
  const { pseudonymize } = options;
  const deelnemers = new KeyRegistry();
  const leerbanen = new KeyRegistry();
  const bronSysteem = client.bronSysteem;

  async function registerDeelnemers(): Promise<WarmUpResult> {
    const result: WarmUpResult = { records: 0, issues: [] };
    for await (const raws of client.pages('deelnemers')) {
      const read = readDeelnemers(raws, bronSysteem, pseudonymize);
      for (const s of read.sleutels) deelnemers.add(s.pseudonym, { bronSysteem, sleutel: s.deelnemernummer });
      result.records += read.sleutels.length;
      result.issues.push(...read.issues);
    }
    return result;
  }

  async function registerLeerbanen(): Promise<WarmUpResult> {
    const result: WarmUpResult = { records: 0, issues: [] };
    for await (const raws of client.pages('leerbanen')) {
      const read = readLeerbanen(raws, bronSysteem);
      for (const s of read.sleutels) leerbanen.add(s.vacatureId, { bronSysteem, sleutel: s.leerbaanId });
      result.records += read.sleutels.length;
      result.issues.push(...read.issues);
    }
    return result;
  }

  return {
    bron: 'ONDERWIJS',
    systemen: [bronSysteem],
    feed: createOnderwijsFeed({ client, pseudonymize, now: options.now ?? (() => new Date()) }),
    async warmUp() {
      const [d, l] = await Promise.all([registerDeelnemers(), registerLeerbanen()]);
      return { records: d.records + l.records, issues: [...d.issues, ...l.issues] };
    },
    createLoaders: () => createOnderwijsLoaders({ client, pseudonymize, deelnemers, leerbanen }),
    leverContact: createOnderwijsLeverContact(client),
  };
}
