/**
 * zod schemas of the werkgeversvereniging's NATIVE JSON:API resources (`werkgevers`,
 * `lidmaatschappen`, `vacatures`, `instrumenten`). Codes arrive in lower-case kebab
 * (`vijftig-plus`) and postcodes with a space (`1234 AB`); the schemas output canonical values.
 * A failing field is reported by its path, e.g. `attributes.handelsnaam`.
 */
import { z } from 'zod';
import { datumISO, tijdstipISO } from '../kit/dates.js';
import { DOELGROEPEN, INSTRUMENT_SOORTEN, VACATURE_SOORTEN } from '../kit/vocabulary.js';

const kvkNummer = z.string().regex(/^\d{8}$/, 'expected an 8-digit KvK number');
const gemeenteCode = z.string().regex(/^GM\d{4}$/, 'expected a CBS gemeente code like GM0193');
const tekst = z.string().trim().min(1, 'must not be empty');
/** `1234 AB` or `1234AB` → `1234AB`. */
const postcode = z
  .string()
  .regex(/^\d{4} ?[A-Z]{2}$/, 'expected a Dutch postcode like 1234 AB')
  .transform((value) => value.replace(' ', ''));

/** A native kebab-case code (`vijftig-plus`) read as a canonical enum value (`VIJFTIG_PLUS`). */
function kebabCode<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((value) => value.toUpperCase().replace(/-/g, '_'))
    .pipe(z.enum(values));
}

/** Attributes of an included `lidmaatschappen` resource. */
export const LidmaatschapAttributes = z.object({
  branche: tekst,
  vereniging: tekst,
  cao: tekst,
  lidSinds: datumISO,
});

/**
 * A `werkgevers` resource with the attributes of the `lidmaatschappen` resource its `lidmaatschap`
 * relationship points to joined in as `lidmaatschap` (null when the relationship is empty; see
 * `joinLidmaatschap`).
 */
export const WerkgeverResource = z
  .object({
    type: z.literal('werkgevers'),
    id: kvkNummer,
    attributes: z.object({
      kvkNummer,
      handelsnaam: tekst,
      sbiCode: z.string().regex(/^\d{2,5}$/, 'expected an SBI code of 2 to 5 digits'),
      sector: tekst,
      vestigingsgemeente: gemeenteCode,
      werkleerplekken: z.number().int().nonnegative(),
      gewijzigdOp: tijdstipISO,
    }),
    lidmaatschap: LidmaatschapAttributes.nullable(),
  })
  .refine((resource) => resource.id === resource.attributes.kvkNummer, { path: ['attributes', 'kvkNummer'], message: 'differs from the resource id' });
export type WerkgeverResource = z.output<typeof WerkgeverResource>;

/** What identifies a vacancy across partners: employer, title and postcode (see `vacatureId`). */
export const VacatureIdentiteit = z.object({
  type: z.literal('vacatures'),
  id: tekst,
  attributes: z.object({ kvkNummer, titel: tekst, postcode }),
});
export type VacatureIdentiteit = z.output<typeof VacatureIdentiteit>;

export const VacatureResource = z.object({
  type: z.literal('vacatures'),
  id: tekst,
  attributes: z.object({
    kvkNummer,
    titel: tekst,
    branche: tekst,
    soort: kebabCode(VACATURE_SOORTEN),
    gemeente: gemeenteCode,
    postcode,
    urenPerWeek: z.number().positive().max(80),
    geplaatstOp: datumISO,
    gewijzigdOp: tijdstipISO,
  }),
});
export type VacatureResource = z.output<typeof VacatureResource>;

export const InstrumentResource = z.object({
  type: z.literal('instrumenten'),
  id: tekst,
  attributes: z.object({
    naam: tekst,
    soort: kebabCode(INSTRUMENT_SOORTEN),
    doelgroepen: z.array(kebabCode(DOELGROEPEN)),
    voorwaarden: z.string(),
    maxBedrag: z.number().nonnegative().nullable(),
    maxDuurMaanden: z.number().int().positive().nullable(),
    gewijzigdOp: tijdstipISO,
  }),
});
export type InstrumentResource = z.output<typeof InstrumentResource>;
