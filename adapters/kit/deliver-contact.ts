/**
 * What every adapter's contact delivery (`<adapter>/deliver-contact.ts`) shares: checking the
 * canonical contact before anything leaves, the failures a delivery can end in, reading a partner's
 * JSON answer with zod, and writing and reading the CSV files of partners that only take imports
 * (one row per contact, `;`, a header row, dates `dd-mm-jjjj`; the answer a receipt naming each row's
 * key, its reference and whether it was new). No message here ever quotes a value the partner sent
 * or the contact holds: only field names and positions.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { ContactLevering } from './contact-levering.js';
import { parseCsvExport } from './csv-export.js';
import { PartnerUnavailableError } from './partner-errors.js';
import type { Bron } from './vocabulary.js';

export interface Bestemming {
  bron: Bron;
  bronSysteem: string;
}

/**
 * The contact, validated against the canonical schema. A contact that is not valid is never sent: a
 * partner would refuse it however often it is tried, so the failure is not retryable (`FOUT`).
 */
export function checkLevering(naar: Bestemming, levering: ContactLevering): ContactLevering {
  const parsed = ContactLevering.safeParse(levering);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PartnerUnavailableError(naar.bron, naar.bronSysteem, 'FOUT', { detail: `contact not delivered: field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` });
}

/** The source system is not one this adapter knows (not in `adapters/bronnen.json`). */
export function nietGeconfigureerd(naar: Bestemming): PartnerUnavailableError {
  return new PartnerUnavailableError(naar.bron, naar.bronSysteem, 'NIET_GECONFIGUREERD', { detail: 'contact delivery to a source system that is not configured' });
}

/** The partner answered, but not with a confirmation the adapter can read. */
export function onleesbaarAntwoord(naar: Bestemming, detail: string): PartnerUnavailableError {
  return new PartnerUnavailableError(naar.bron, naar.bronSysteem, 'ONGELDIG_ANTWOORD', { detail });
}

/** The partner's JSON answer, checked with `schema`; anything else is `ONGELDIG_ANTWOORD`. */
export function leesJsonAntwoord<S extends z.ZodType>(naar: Bestemming, text: unknown, schema: S, wat: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(String(text));
  } catch {
    throw onleesbaarAntwoord(naar, `${wat}: answer is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw onleesbaarAntwoord(naar, `${wat}: answer lacks ${parsed.error.issues[0]?.path.join('.') || 'the expected document'}`);
  return parsed.data;
}

/** `2026-11-24` → `24-11-2026`, as Dutch spreadsheets and their imports write dates. */
export function datumDDMMJJJJ(iso: string): string {
  const [jaar, maand, dag] = iso.slice(0, 10).split('-');
  return `${dag}-${maand}-${jaar}`;
}

/** A CSV import file with a header row and one row per record: `;`-separated, CRLF, UTF-8 with a BOM (as Excel saves it). */
export function csvImportBestand(kolommen: readonly string[], rijen: readonly Record<string, string>[]): string {
  return stringify([[...kolommen], ...rijen.map((rij) => kolommen.map((kolom) => rij[kolom] ?? ''))], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** What an import answers per row: `regel;<sleutelkolom>;referentie;resultaat`. */
export const IMPORT_RESULTATEN = { nieuw: 'nieuw', bekend: 'al ontvangen' } as const;

export interface Ontvangstbewijs extends Bestemming {
  /** File name for messages, e.g. `contactmomenten.csv`. */
  bestand: string;
  /** The column holding the idempotency key. */
  sleutelkolom: string;
}

const BewijsRegel = z.object({
  referentie: z.string().min(1),
  resultaat: z.enum([IMPORT_RESULTATEN.nieuw, IMPORT_RESULTATEN.bekend]),
});

/** The outcome for `sleutel` in an import's CSV receipt; a receipt without a readable row for it is `ONGELDIG_ANTWOORD`. */
export function leesOntvangstbewijs(text: unknown, bewijs: Ontvangstbewijs, sleutel: string): { partnerReferentie: string; alBekend: boolean } {
  if (typeof text !== 'string') throw onleesbaarAntwoord(bewijs, `${bewijs.bestand}: receipt is not text`);
  const rijen = parseCsvExport(text, { bron: bewijs.bron, bronSysteem: bewijs.bronSysteem, bestand: `receipt of ${bewijs.bestand}`, sleutelkolom: bewijs.sleutelkolom });
  const rij = rijen.find((r) => r[bewijs.sleutelkolom] === sleutel);
  if (!rij) throw onleesbaarAntwoord(bewijs, `${bewijs.bestand}: receipt has no row for the contact`);
  const parsed = BewijsRegel.safeParse(rij);
  if (!parsed.success) throw onleesbaarAntwoord(bewijs, `${bewijs.bestand}: receipt row lacks a valid ${parsed.error.issues[0]?.path.join('.') ?? 'field'}`);
  return { partnerReferentie: parsed.data.referentie, alBekend: parsed.data.resultaat === IMPORT_RESULTATEN.bekend };
}
