/**
 * Validates raw SBB records into payloads, one issue per bad record naming bron, source, record key
 * and field. Deelnemers and leerbanen are read identity first: when the key (and for a deelnemer the
 * BSN) is readable, the key is returned even if the rest of the record is malformed, so a later
 * lookup reports the bad field instead of answering "unknown". The BSN becomes a pseudonym here.
 */
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { field, validateIdentified, validateRecords, type ValidationContext, type Validated } from '../kit/validate.js';
import { leerbaanVacatureId } from './map.js';
import { DeelnemerIdentiteit, DeelnemerPayload, InstrumentPayload, LeerbaanIdentiteit, LeerbaanPayload, LeerbedrijfPayload } from './payload-schemas.js';

function context(bronSysteem: string, recordSoort: string, keyField: string): ValidationContext {
  return { bron: 'ONDERWIJS', bronSysteem, recordSoort, recordKey: (raw) => field(raw, keyField) };
}

export interface DeelnemerSleutel {
  pseudonym: string;
  deelnemernummer: string;
}

export interface GelezenDeelnemers {
  /** Every deelnemer whose number and BSN were readable, also when the rest was malformed. */
  sleutels: DeelnemerSleutel[];
  records: { pseudonym: string; payload: DeelnemerPayload }[];
  issues: PartnerRecordIssue[];
}

export function readDeelnemers(raws: readonly unknown[], bronSysteem: string, pseudonymize: Pseudonymize): GelezenDeelnemers {
  const read = validateIdentified(DeelnemerIdentiteit, DeelnemerPayload, raws, context(bronSysteem, 'deelnemer', 'deelnemernummer'));
  const sleutels: DeelnemerSleutel[] = [];
  const records: GelezenDeelnemers['records'] = [];
  for (const { identity, record } of read.rows) {
    const pseudonym = pseudonymize(identity.bsn);
    sleutels.push({ pseudonym, deelnemernummer: identity.deelnemernummer });
    if (record) records.push({ pseudonym, payload: record });
  }
  return { sleutels, records, issues: read.issues };
}

export interface LeerbaanSleutel {
  vacatureId: string;
  leerbaanId: string;
}

export interface GelezenLeerbanen {
  /** Every leerbaan whose id, employer, title and postcode were readable. */
  sleutels: LeerbaanSleutel[];
  records: LeerbaanPayload[];
  issues: PartnerRecordIssue[];
}

export function readLeerbanen(raws: readonly unknown[], bronSysteem: string): GelezenLeerbanen {
  const read = validateIdentified(LeerbaanIdentiteit, LeerbaanPayload, raws, context(bronSysteem, 'leerbaan', 'id'));
  const sleutels = read.rows.map(({ identity }) => ({ vacatureId: leerbaanVacatureId(identity), leerbaanId: identity.id }));
  const records = read.rows.flatMap(({ record }) => (record ? [record] : []));
  return { sleutels, records, issues: read.issues };
}

export function readLeerbedrijven(raws: readonly unknown[], bronSysteem: string): Validated<LeerbedrijfPayload> {
  return validateRecords(LeerbedrijfPayload, raws, context(bronSysteem, 'leerbedrijf', 'kvkNummer'));
}

export function readInstrumenten(raws: readonly unknown[], bronSysteem: string): Validated<InstrumentPayload> {
  return validateRecords(InstrumentPayload, raws, context(bronSysteem, 'instrument', 'id'));
}
