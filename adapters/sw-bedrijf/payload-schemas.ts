/**
 * zod schemas of the rows in an SW-bedrijf's CSV exports, as the company writes them: every field is
 * text; dates `dd-mm-jjjj`, date-times `dd-mm-jjjj hh:mm:ss`, decimal comma, `ja`/`nee`. Columns the
 * graph does not need (names, initials) are deliberately not read: data minimisation.
 *
 * A person's identity (personeelsnummer + BSN) is checked apart from the rest of the row, so a row
 * with a bad date is still known by its pseudonym and reported when looked up. The BSN is replaced by
 * the pseudonym inside the identity schema; no parsed record carries it.
 */
import { z } from 'zod';
import { isValidBsn } from '../kit/bsn.js';
import { datumDDMMJJJJ, decimaalKomma, tijdstipDDMMJJJJ } from '../kit/dates.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { Doelgroep, InstrumentSoort } from '../kit/vocabulary.js';

/** An empty cell is null; anything else must pass `schema`. */
function optioneel<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullable());
}

const jaNee = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['ja', 'nee']))
  .transform((value) => value === 'ja');

const geheelGetal = z.string().trim().regex(/^\d+$/, 'not a whole number').transform(Number);
const kvkNummer = z.string().trim().regex(/^\d{8}$/, 'not an 8-digit KvK number');
const gemeentecode = z.string().trim().regex(/^GM\d{4}$/, 'not a CBS gemeentecode (GMxxxx)');
const sleutel = z.string().trim().min(1, 'empty');

/** Identity of an employee row: the partner's key and the pseudonym of the BSN. */
export function medewerkerIdentiteit(pseudonymize: Pseudonymize) {
  return z.object({
    personeelsnummer: sleutel,
    bsn: z.string().transform((value, ctx) => {
      const bsn = value.trim();
      if (!isValidBsn(bsn)) {
        ctx.addIssue({ code: 'custom', message: 'not a valid BSN (elfproef)' });
        return z.NEVER;
      }
      return pseudonymize(bsn);
    }),
  }).transform(({ personeelsnummer, bsn }) => ({ personeelsnummer, id: bsn }));
}
export type MedewerkerIdentiteit = z.output<ReturnType<typeof medewerkerIdentiteit>>;

/** A row of `medewerkers.csv` (without BSN and names). */
export const MedewerkerRij = z.object({
  personeelsnummer: sleutel,
  geboortedatum: datumDDMMJJJJ,
  gemeentecode,
  dienstverband: z.enum(['WSW', 'BESCHUT_WERK']),
  in_dienst_sinds: datumDDMMJJJJ,
  werkfit: jaNee,
  uren_per_week: decimaalKomma.pipe(z.number().min(0).max(60)),
  gedetacheerd_bij_kvk: optioneel(kvkNummer),
  laatst_gewijzigd: tijdstipDDMMJJJJ,
});
export type MedewerkerRij = z.output<typeof MedewerkerRij>;

/** Identity of an employer row: its KvK number. */
export const WerkgeverIdentiteit = z.object({ kvk_nummer: kvkNummer });
export type WerkgeverIdentiteit = z.output<typeof WerkgeverIdentiteit>;

/** A row of `werkgevers.csv`. */
export const WerkgeverRij = z.object({
  kvk_nummer: kvkNummer,
  naam: sleutel,
  gemeentecode,
  aantal_gedetacheerden: geheelGetal,
  uren_per_week_totaal: decimaalKomma.pipe(z.number().min(0)),
  laatst_gewijzigd: tijdstipDDMMJJJJ,
});
export type WerkgeverRij = z.output<typeof WerkgeverRij>;

/** A row of `instrumenten.csv`; `soort` is written in words (`begeleid werken`). */
export const InstrumentRij = z.object({
  instrument_id: sleutel,
  naam: sleutel,
  soort: z
    .string()
    .transform((value) => value.trim().toUpperCase().replace(/[\s-]+/g, '_'))
    .pipe(InstrumentSoort),
  doelgroepen: z
    .string()
    .transform((value) => value.split(',').map((d) => d.trim()).filter((d) => d.length > 0))
    .pipe(z.array(Doelgroep)),
  voorwaarden: z.string().trim(),
  max_bedrag: optioneel(decimaalKomma),
  max_duur_maanden: optioneel(geheelGetal),
  laatst_gewijzigd: tijdstipDDMMJJJJ,
});
export type InstrumentRij = z.output<typeof InstrumentRij>;
