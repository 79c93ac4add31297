/**
 * zod schemas of the native JSON records of a gemeente system (Dutch snake_case, dates
 * `YYYY-MM-DD`, timestamps ISO 8601) and the parsed record types they produce. The CSV exports
 * (`csv-schemas.ts`) produce the same types, so everything after parsing is format-blind.
 * Messages never quote a BSN.
 */
import { z } from 'zod';
import { isValidBsn } from '../kit/bsn.js';
import { datumISO, tijdstipISO } from '../kit/dates.js';
import { Doelgroep, InstrumentSoort, VacatureSoort } from '../kit/vocabulary.js';

export const Regeling = z.enum(['PARTICIPATIEWET', 'IOAW', 'IOAZ']);
export type Regeling = z.infer<typeof Regeling>;

export const bsnVeld = z.string().refine(isValidBsn, { message: 'not a valid BSN (elfproef)' });
export const kvkVeld = z.string().regex(/^\d{8}$/, { message: 'not an 8-digit KvK number' });
export const gemeentecodeVeld = z.string().regex(/^GM\d{4}$/, { message: 'not a CBS gemeentecode (GMxxxx)' });
export const postcodeVeld = z.string().regex(/^\d{4} ?[A-Z]{2}$/, { message: 'not a Dutch postcode' });
export const tekstVeld = z.string().min(1);

export const JsonKlant = z.object({
  klantnummer: tekstVeld,
  bsn: bsnVeld,
  voornamen: tekstVeld,
  tussenvoegsel: z.string().nullable().transform((v) => (v === '' ? null : v)),
  achternaam: tekstVeld,
  geboortedatum: datumISO,
  gemeentecode: gemeentecodeVeld,
  postcode: postcodeVeld,
  regeling: Regeling,
  participatieladder_trede: z.number().int().min(1).max(6),
  klantmanager: tekstVeld,
  in_beeld_sinds: datumISO,
  statushouder: z.boolean(),
  startkwalificatie: z.boolean(),
  competenties: z.array(z.string()),
  werk_denkniveau: z.number().int().min(0).max(7).nullable(),
  beschikbaar_per: datumISO.nullable(),
  gewijzigd_op: tijdstipISO,
});
/** A valid client record (still holding the BSN: it never leaves the adapter). */
export type KlantRecord = z.output<typeof JsonKlant>;

export const JsonWerkgever = z.object({
  kvk_nummer: kvkVeld,
  handelsnaam: tekstVeld,
  gemeentecode: gemeentecodeVeld,
  accountmanager: tekstVeld,
  lks_plaatsingen: z.number().int().min(0),
  laatste_contact: datumISO,
  gewijzigd_op: tijdstipISO,
});
export type WerkgeverRecord = z.output<typeof JsonWerkgever>;

export const JsonVacature = z.object({
  nummer: tekstVeld,
  kvk_nummer: kvkVeld,
  titel: tekstVeld,
  beroepscode: z.string().nullable(),
  gemeentecode: gemeentecodeVeld,
  postcode: postcodeVeld,
  uren_per_week: z.number().int().min(1).max(60).nullable(),
  werk_denkniveau: z.number().int().min(0).max(7).nullable(),
  soort: VacatureSoort,
  banenafspraak: z.boolean(),
  omschrijving: tekstVeld,
  geplaatst_op: datumISO,
  gewijzigd_op: tijdstipISO,
});
export type VacatureRecord = z.output<typeof JsonVacature>;

export const JsonInstrument = z.object({
  id: tekstVeld,
  gemeentecode: gemeentecodeVeld.nullable(),
  naam: tekstVeld,
  soort: InstrumentSoort,
  doelgroepen: z.array(Doelgroep),
  voorwaarden: z.string(),
  max_bedrag: z.number().int().min(0).nullable(),
  max_duur_maanden: z.number().int().min(0).nullable(),
  gewijzigd_op: tijdstipISO,
});
export type InstrumentRecord = z.output<typeof JsonInstrument>;

/** The envelope of every JSON list and lookup response. */
export const JsonPagina = z.object({
  data: z.array(z.unknown()),
  pagina: z.object({
    nummer: z.number().int().min(1),
    grootte: z.number().int().min(0),
    totaal_elementen: z.number().int().min(0),
    totaal_paginas: z.number().int().min(0),
  }),
});
export type JsonPagina = z.output<typeof JsonPagina>;

/** Just enough of a client record to know who it is: checked before the full record. */
export const KlantIdentiteit = z.object({ klantnummer: tekstVeld, bsn: bsnVeld });
/** Just enough of an employer record to know which employer it is. */
export const WerkgeverIdentiteit = z.object({ kvk_nummer: kvkVeld });
/** Just enough of a vacancy record to derive its public id (see `vacature-id.ts`). */
export const VacatureIdentiteit = z.object({ nummer: tekstVeld, kvk_nummer: kvkVeld, titel: tekstVeld, postcode: z.string().min(1) });
