/**
 * Validates raw SBB records into payloads, one issue per bad record naming bron, source, record key
 * and field. Deelnemers and leerbanen are read identity first: when the key (and for a deelnemer the
 * BSN) is readable, the key is returned even if the rest of the record is malformed, so a later
 * lookup reports the bad field instead of answering "unknown". The BSN becomes a pseudonym here.
 */
import type { z } from 'zod';
import type { PartnerRecordIssue } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { field, validateRecords, type ValidationContext, type Validated } from '../kit/validate.js';
import { leerbaanVacatureId } from './map.js';
import { DeelnemerIdentiteit, DeelnemerPayload, InstrumentPayload, LeerbaanIdentiteit, LeerbaanPayload, LeerbedrijfPayload } from './payload-schemas.js';

function context(bronSysteem: string, recordSoort: string, keyField: string): ValidationContext {
  return { bron: 'ONDERWIJS', bronSysteem, recordSoort, recordKey: (raw) => field(raw, keyField) };
}

interface IdentityFirst<I, F> {
  identities: I[];
  records: F[];
  issues: PartnerRecordIssue[];
}

function validateIdentityFirst<I extends z.ZodType, F extends z.ZodType>(identity: I, full: F, raws: readonly unknown[], ctx: ValidationContext): IdentityFirst<z.output<I>, z.output<F>> {
  const identities = validateRecords(identity, raws, ctx);
  const records = validateRecords(full, identities.records, ctx);
  return { identities: identities.records, records: records.records, issues: [...identities.issues, ...records.issues] };
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
  const read = validateIdentityFirst(DeelnemerIdentiteit, DeelnemerPayload, raws, context(bronSysteem, 'deelnemer', 'deelnemernummer'));
  const sleutels = read.identities.map((identiteit) => ({ pseudonym: pseudonymize(identiteit.bsn), deelnemernummer: identiteit.deelnemernummer }));
  const pseudoniemen = new Map(sleutels.map((s) => [s.deelnemernummer, s.pseudonym]));
  const records = read.records.flatMap((payload) => {
    const pseudonym = pseudoniemen.get(payload.deelnemernummer);
    return pseudonym === undefined ? [] : [{ pseudonym, payload }];
  });
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
  const read = validateIdentityFirst(LeerbaanIdentiteit, LeerbaanPayload, raws, context(bronSysteem, 'leerbaan', 'id'));
  const sleutels = read.identities.map((identiteit) => ({ vacatureId: leerbaanVacatureId(identiteit), leerbaanId: identiteit.id }));
  return { sleutels, records: read.records, issues: read.issues };
}

export function readLeerbedrijven(raws: readonly unknown[], bronSysteem: string): Validated<LeerbedrijfPayload> {
  return validateRecords(LeerbedrijfPayload, raws, context(bronSysteem, 'leerbedrijf', 'kvkNummer'));
}

export function readInstrumenten(raws: readonly unknown[], bronSysteem: string): Validated<InstrumentPayload> {
  return validateRecords(InstrumentPayload, raws, context(bronSysteem, 'instrument', 'id'));
}
