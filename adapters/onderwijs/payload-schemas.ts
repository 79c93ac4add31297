/**
 * zod schemas of SBB's native JSON records (camelCase, ISO dates). Records with a partner identity
 * (deelnemer, leerbaan) have a small identity schema too: the adapter reads the identity first, so a
 * record that is otherwise malformed can still be registered and reported by its key.
 */
import { z } from 'zod';
import { isValidBsn } from '../kit/bsn.js';
import { datumISO, tijdstipISO } from '../kit/dates.js';
import { Doelgroep, InstrumentSoort } from '../kit/vocabulary.js';

const creboCode = z.string().regex(/^\d{5}$/, 'crebo code is five digits');
const gemeenteCode = z.string().regex(/^GM\d{4}$/, 'gemeente code is GM and four digits');
const kvkNummer = z.string().regex(/^\d{8}$/, 'KvK number is eight digits');
const tekst = z.string().trim().min(1);

/** The list envelope of every SBB resource. */
export const PagePayload = z.object({ items: z.array(z.unknown()), nextCursor: z.string().min(1).nullable() });
export type PagePayload = z.infer<typeof PagePayload>;

export const DiplomaSoort = z.enum(['DIPLOMA', 'CERTIFICAAT', 'PRAKTIJKVERKLARING']);

const deelnemerIdentiteit = {
  deelnemernummer: tekst,
  bsn: z.string().refine(isValidBsn, 'not a valid BSN (elfproef)'),
};
/** Key and BSN of a deelnemer; other fields pass through for the full check. */
export const DeelnemerIdentiteit = z.looseObject(deelnemerIdentiteit);

export const DeelnemerPayload = z.object({
  ...deelnemerIdentiteit,
  geboortedatum: datumISO,
  woongemeente: gemeenteCode,
  diplomas: z.array(
    z.object({
      creboCode,
      opleiding: tekst,
      niveau: z.number().int().min(1).max(4),
      soort: DiplomaSoort,
      behaaldOp: datumISO,
    }),
  ),
  gewijzigdOp: tijdstipISO,
});
export type DeelnemerPayload = z.infer<typeof DeelnemerPayload>;

export const LeerbedrijfPayload = z.object({
  kvkNummer,
  naam: tekst,
  vestigingsgemeente: gemeenteCode,
  erkenningen: z.array(z.object({ creboCode, opleiding: tekst, erkendSinds: datumISO })),
  gewijzigdOp: tijdstipISO,
});
export type LeerbedrijfPayload = z.infer<typeof LeerbedrijfPayload>;

const leerbaanIdentiteit = { id: tekst, kvkNummer, titel: tekst, postcode: z.string().regex(/^\d{4} ?[A-Z]{2}$/, 'postcode is 1234AB') };
/** The fields that make a leerbaan's public vacancy id; other fields pass through for the full check. */
export const LeerbaanIdentiteit = z.looseObject(leerbaanIdentiteit);

export const LeerbaanPayload = z.object({
  ...leerbaanIdentiteit,
  creboCode,
  opleiding: tekst,
  leerweg: z.enum(['BBL', 'BOL']),
  gemeente: gemeenteCode,
  urenPerWeek: z.number().int().min(1).max(60),
  geplaatstOp: datumISO,
  gewijzigdOp: tijdstipISO,
});
export type LeerbaanPayload = z.infer<typeof LeerbaanPayload>;

export const InstrumentPayload = z.object({
  id: tekst,
  naam: tekst,
  soort: InstrumentSoort,
  doelgroepen: z.array(Doelgroep),
  voorwaarden: z.string(),
  maxBedrag: z.number().int().nonnegative().nullable(),
  maxDuurMaanden: z.number().int().positive().nullable(),
  gewijzigdOp: tijdstipISO,
});
export type InstrumentPayload = z.infer<typeof InstrumentPayload>;
