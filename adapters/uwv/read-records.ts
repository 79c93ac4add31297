/**
 * Validates the raw record elements of a UWV answer and maps the good ones to canonical records,
 * each with the partner key it was found under. Bad records become issues named by their partner
 * key (Klantnr, KvKnr, Vacaturenr, InstrumentCd), never by BSN. Identity readers validate identity
 * first (`validateIdentified`), so a malformed record can still be registered and reported later.
 */
import type { IndexInstrument } from '../kit/index-records.js';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { vacatureId } from '../kit/vacature-id.js';
import { field, validateIdentified, validateRecords, type IdentifiedRecords, type ValidationContext } from '../kit/validate.js';
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

/** A list read identity first: every readable identity, how many records were valid, every issue. */
export interface GelezenIdentiteiten {
  identiteiten: Identiteit[];
  geldig: number;
  issues: PartnerRecordIssue[];
}

function gelezenIdentiteiten<I, R>({ rows, issues }: IdentifiedRecords<I, R>, identiteit: (identity: I) => Identiteit): GelezenIdentiteiten {
  return { identiteiten: rows.map((row) => identiteit(row.identity)), geldig: rows.filter((row) => row.record !== null).length, issues };
}

function context(bronSysteem: string, recordSoort: string, sleutelVeld: string): ValidationContext {
  return { bron: 'UWV', bronSysteem, recordSoort, recordKey: (raw) => field(raw, sleutelVeld) };
}

export function leesKlanten(raws: readonly unknown[], bronSysteem: string, pseudonymize: Pseudonymize): GelezenRecords<UwvKlant> {
  const { records, issues } = validateRecords(KlantPayload, raws, context(bronSysteem, 'klant', 'Klantnr'));
  return { records: records.map((payload) => ({ sleutel: payload.Klantnr, record: toUwvKlant(payload, pseudonymize) })), issues };
}

export function leesKlantIdentiteiten(raws: readonly unknown[], bronSysteem: string, pseudonymize: Pseudonymize): GelezenIdentiteiten {
  const gelezen = validateIdentified(KlantIdentiteitPayload, KlantPayload, raws, context(bronSysteem, 'klant', 'Klantnr'));
  return gelezenIdentiteiten(gelezen, (klant) => ({ publiekId: pseudonymize(klant.Burgerservicenr), sleutel: klant.Klantnr }));
}

export function leesWerkgevers(raws: readonly unknown[], bronSysteem: string): GelezenRecords<UwvWerkgeverRelatie> {
  const { records, issues } = validateRecords(WerkgeverPayload, raws, context(bronSysteem, 'werkgever', 'KvKnr'));
  return { records: records.map((payload) => ({ sleutel: payload.KvKnr, record: toWerkgeverRelatie(payload) })), issues };
}

export function leesVacatures(raws: readonly unknown[], bronSysteem: string): GelezenRecords<WerkNlVacature> {
  const { records, issues } = validateRecords(VacaturePayload, raws, context(bronSysteem, 'vacature', 'Vacaturenr'));
  return { records: records.map((payload) => ({ sleutel: payload.Vacaturenr, record: toWerkNlVacature(payload) })), issues };
}

export function leesVacatureIdentiteiten(raws: readonly unknown[], bronSysteem: string): GelezenIdentiteiten {
  const gelezen = validateIdentified(VacatureIdentiteitPayload, VacaturePayload, raws, context(bronSysteem, 'vacature', 'Vacaturenr'));
  return gelezenIdentiteiten(gelezen, (vacature) => ({ publiekId: vacatureId(vacature.KvKnr, vacature.Functienaam, vacature.Postcd), sleutel: vacature.Vacaturenr }));
}

export function leesInstrumenten(raws: readonly unknown[], bronSysteem: string): { records: IndexInstrument[]; issues: PartnerRecordIssue[] } {
  const { records, issues } = validateRecords(InstrumentPayload, raws, context(bronSysteem, 'instrument', 'InstrumentCd'));
  return { records: records.map(toIndexInstrument), issues };
}
