/**
 * zod schemas of UWV's native XML records, as fast-xml-parser hands them over (every value a
 * string, repeated elements arrays, omitted elements absent). Validation checks what a consumer
 * relies on: real dates, the BSN elfproef, J/N indications, codes in their formats.
 */
import { z } from 'zod';
import { isValidBsn } from '../kit/bsn.js';
import { datumJJJJMMDD, tijdstipJJJJMMDDUUMMSS } from '../kit/dates.js';
import { Doelgroep, InstrumentSoort, VacatureSoort } from '../kit/vocabulary.js';

/** The message never repeats the value: a BSN must not end up in an issue. */
const burgerservicenummer = z.string().refine(isValidBsn, { message: 'not a valid BSN (elfproef)' });
const indicatie = z.enum(['J', 'N']).transform((v) => v === 'J');
/** Four CBS digits without `GM`, output as the CBS code `GM0193`. */
const gemeentecode = z
  .string()
  .regex(/^\d{4}$/, 'expected 4 digits')
  .transform((code) => `GM${code}`);
const postcode = z
  .string()
  .regex(/^\d{4} ?[A-Z]{2}$/, 'expected a Dutch postcode like 8011AB')
  .transform((p) => p.replace(' ', ''));
const kvkNummer = z.string().regex(/^\d{8}$/, 'expected 8 digits');
const iscoCode = z.string().regex(/^\d{4}$/, 'expected a 4-digit ISCO-08 code');
const tekst = z.string().min(1);

function geheelGetal(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));
}

/** An empty or omitted list element (`<Competenties/>`) counts as an empty list. */
function leegAlsGeenKinderen(value: unknown): unknown {
  return value === undefined || value === '' ? {} : value;
}

/** `<Competenties><CompetentieCd>24105</CompetentieCd>…</Competenties>` as a list of codes. */
const competenties = z
  .preprocess(leegAlsGeenKinderen, z.object({ CompetentieCd: z.array(z.string().regex(/^241\d{2}$/, 'expected a VUM competence code 24100–24126')).default([]) }))
  .transform((lijst) => lijst.CompetentieCd);

/** `<Doelgroepen><Doelgroep>WW</Doelgroep>…</Doelgroepen>` as a list of target groups. */
const doelgroepen = z
  .preprocess(leegAlsGeenKinderen, z.object({ Doelgroep: z.array(Doelgroep).default([]) }))
  .transform((lijst) => lijst.Doelgroep);

/** What identifies a klant: read first, so even a malformed klant can be found again. */
export const KlantIdentiteitPayload = z.object({
  Klantnr: tekst,
  Burgerservicenr: burgerservicenummer,
});

export const KlantPayload = KlantIdentiteitPayload.extend({
  Voornamen: tekst,
  Voorvoegsel: z.string().optional(),
  SignificantDeelVanDeAchternaam: tekst,
  Geboortedat: datumJJJJMMDD,
  Gemeentecode: gemeentecode,
  Postcd: postcode,
  Uitkering: z.object({ SrtUitkering: z.enum(['WW', 'WIA', 'WAJONG']) }).optional(),
  IndDoelgroepregister: indicatie,
  IndBeschutWerk: indicatie,
  BeroepCd: iscoCode.optional(),
  DatInschrijving: datumJJJJMMDD,
  Competenties: competenties,
  WerkDenkniveau: geheelGetal(0, 7).optional(),
  DatBeschikbaar: datumJJJJMMDD.optional(),
  DatTijdWijziging: tijdstipJJJJMMDDUUMMSS,
});
export type KlantPayload = z.output<typeof KlantPayload>;

export const WerkgeverPayload = z.object({
  KvKnr: kvkNummer,
  Handelsnaam: tekst,
  Gemeentecode: gemeentecode,
  Accountmanager: tekst,
  DatLaatsteContact: datumJJJJMMDD,
  AantContactmomenten: geheelGetal(0, 100_000),
  DatTijdWijziging: tijdstipJJJJMMDDUUMMSS,
});
export type WerkgeverPayload = z.output<typeof WerkgeverPayload>;

/** What identifies a vacancy across partners (see `vacature-id.ts`), plus the werk.nl number. */
export const VacatureIdentiteitPayload = z.object({
  Vacaturenr: tekst,
  KvKnr: kvkNummer,
  Functienaam: tekst,
  Postcd: postcode,
});

export const VacaturePayload = VacatureIdentiteitPayload.extend({
  SrtVacature: VacatureSoort,
  BeroepCd: iscoCode.optional(),
  Gemeentecode: gemeentecode,
  UrenPerWeek: geheelGetal(1, 60).optional(),
  WerkDenkniveau: geheelGetal(0, 7).optional(),
  IndBanenafspraak: indicatie,
  Omschrijving: z.string().default(''),
  DatPlaatsing: datumJJJJMMDD,
  DatTijdWijziging: tijdstipJJJJMMDDUUMMSS,
});
export type VacaturePayload = z.output<typeof VacaturePayload>;

export const InstrumentPayload = z.object({
  InstrumentCd: tekst,
  Naam: tekst,
  SrtInstrument: InstrumentSoort,
  Doelgroepen: doelgroepen,
  Voorwaarden: z.string().default(''),
  MaxBedrag: geheelGetal(0, 10_000_000).optional(),
  MaxDuurMnd: geheelGetal(0, 600).optional(),
  DatTijdWijziging: tijdstipJJJJMMDDUUMMSS,
});
export type InstrumentPayload = z.output<typeof InstrumentPayload>;
