/**
 * Validates the raw record elements of a UWV answer and maps the good ones to canonical records,
 * each with the partner key it was found under. Bad records become issues named by their partner
 * key (Klantnr, KvKnr, Vacaturenr, InstrumentCd), never by BSN. Identity readers validate only what
 * identifies a record, so a malformed record can still be registered and reported later.
 */
import type { IndexInstrument } from '../kit/index-records.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { field, validateRecords, type ValidationContext } from '../kit/validate.js';
import { toIndexInstrument, toUwvKlant, toWerkNlVacature, toWerkgeverRelatie } from './map.js';
import { InstrumentPayload, KlantIdentiteitPayload, KlantPayload, VacatureIdentiteitPayload, VacaturePayload, WerkgeverPayload } from './payload-schemas.js';
import type { UwvKlant, UwvWerkgeverRelatie, WerkNlVacature } from './records.js';

/** A canonical record with the partner's own key it came under. */
export interface Gelezen<T> {
  sleutel: string;
  record: T;
}

export interface GelezenRecords<T> {
  records: Gelezen<T>[];
  issues: PartnerRecordIssue[];
}

/** Public id → partner key, read from a record that may otherwise be malformed. */
export interface Identiteit {
  publiekId: string;
  sleutel: string;
}

function context(bronSysteem: string, recordSoort: string, sleutelVeld: string): ValidationContext {
  return { bron: 'UWV', bronSysteem, recordSoort, recordKey: (raw) => field(raw, sleutelVeld) };
}

export function leesKlanten(raws: readonly unknown[], bronSysteem: string, pseudonymize: Pseudonymize): GelezenRecords<UwvKlant> {
  const { records, issues } = validateRecords(KlantPayload, raws, context(bronSysteem, 'klant', 'Klantnr'));
  return { records: records.map((payload) => ({ sleutel: payload.Klantnr, record: toUwvKlant(payload, pseudonymize) })), issues };
}

export function leesKlantIdentiteiten(raws: readonly unknown[], bronSysteem: string, pseudonymize: Pseudonymize): Identiteit[] {
  const { records } = validateRecords(KlantIdentiteitPayload, raws, context(bronSysteem, 'klant', 'Klantnr'));
  return records.map((payload) => ({ publiekId: pseudonymize(payload.Burgerservicenr), sleutel: payload.Klantnr }));
}

export function leesWerkgevers(raws: readonly unknown[], bronSysteem: string): GelezenRecords<UwvWerkgeverRelatie> {
  const { records, issues } = validateRecords(WerkgeverPayload, raws, context(bronSysteem, 'werkgever', 'KvKnr'));
  return { records: records.map((payload) => ({ sleutel: payload.KvKnr, record: toWerkgeverRelatie(payload) })), issues };
}

export function leesVacatures(raws: readonly unknown[], bronSysteem: string): GelezenRecords<WerkNlVacature> {
  const { records, issues } = validateRecords(VacaturePayload, raws, context(bronSysteem, 'vacature', 'Vacaturenr'));
  return { records: records.map((payload) => ({ sleutel: payload.Vacaturenr, record: toWerkNlVacature(payload) })), issues };
}

export function leesVacatureIdentiteiten(raws: readonly unknown[], bronSysteem: string): Identiteit[] {
  const { records } = validateRecords(VacatureIdentiteitPayload, raws, context(bronSysteem, 'vacature', 'Vacaturenr'));
  return records.map((payload) => ({ publiekId: vacatureId(payload.KvKnr, payload.Functienaam, payload.Postcd), sleutel: payload.Vacaturenr }));
}

export function leesInstrumenten(raws: readonly unknown[], bronSysteem: string): { records: IndexInstrument[]; issues: PartnerRecordIssue[] } {
  const { records, issues } = validateRecords(InstrumentPayload, raws, context(bronSysteem, 'instrument', 'InstrumentCd'));
  return { records: records.map(toIndexInstrument), issues };
}
