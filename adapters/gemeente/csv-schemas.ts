/**
 * zod schemas of the rows of the gemeente CSV exports (`;` separated, dates `dd-mm-jjjj`, `J`/`N`,
 * lists `|`-separated). They produce the same record types as the JSON schemas in
 * `payload-schemas.ts`, so the rest of the adapter does not care where a record came from.
 */
import { z } from 'zod';
import { datumDDMMJJJJ } from '../kit/dates.js';
import { Doelgroep, InstrumentSoort, VacatureSoort } from '../kit/vocabulary.js';
import { tijdstipDDMMJJJJ } from '../kit/dates.js';
import { geheelGetal, jaNee, leegIsNull, lijst } from './csv-cells.js';
import {
  Regeling,
  bsnVeld,
  gemeentecodeVeld,
  kvkVeld,
  postcodeVeld,
  tekstVeld,
  type InstrumentRecord,
  type KlantRecord,
  type VacatureRecord,
  type WerkgeverRecord,
} from './payload-schemas.js';

const werkDenkNiveau = leegIsNull(geheelGetal.pipe(z.number().int().min(0).max(7)));

export const CsvKlant: z.ZodType<KlantRecord> = z.object({
  klantnummer: tekstVeld,
  bsn: bsnVeld,
  voornamen: tekstVeld,
  tussenvoegsel: leegIsNull(z.string()),
  achternaam: tekstVeld,
  geboortedatum: datumDDMMJJJJ,
  gemeentecode: gemeentecodeVeld,
  postcode: postcodeVeld,
  regeling: Regeling,
  participatieladder_trede: geheelGetal.pipe(z.number().int().min(1).max(6)),
  klantmanager: tekstVeld,
  in_beeld_sinds: datumDDMMJJJJ,
  statushouder: jaNee,
  startkwalificatie: jaNee,
  competenties: lijst,
  werk_denkniveau: werkDenkNiveau,
  beschikbaar_per: leegIsNull(datumDDMMJJJJ),
  gewijzigd_op: tijdstipDDMMJJJJ,
});

export const CsvWerkgever: z.ZodType<WerkgeverRecord> = z.object({
  kvk_nummer: kvkVeld,
  handelsnaam: tekstVeld,
  gemeentecode: gemeentecodeVeld,
  accountmanager: tekstVeld,
  lks_plaatsingen: geheelGetal.pipe(z.number().int().min(0)),
  laatste_contact: datumDDMMJJJJ,
  gewijzigd_op: tijdstipDDMMJJJJ,
});

export const CsvVacature: z.ZodType<VacatureRecord> = z.object({
  nummer: tekstVeld,
  kvk_nummer: kvkVeld,
  titel: tekstVeld,
  beroepscode: leegIsNull(z.string()),
  gemeentecode: gemeentecodeVeld,
  postcode: postcodeVeld,
  uren_per_week: leegIsNull(geheelGetal.pipe(z.number().int().min(1).max(60))),
  werk_denkniveau: werkDenkNiveau,
  soort: VacatureSoort,
  banenafspraak: jaNee,
  omschrijving: tekstVeld,
  geplaatst_op: datumDDMMJJJJ,
  gewijzigd_op: tijdstipDDMMJJJJ,
});

export const CsvInstrument: z.ZodType<InstrumentRecord> = z.object({
  id: tekstVeld,
  gemeentecode: leegIsNull(gemeentecodeVeld),
  naam: tekstVeld,
  soort: InstrumentSoort,
  doelgroepen: lijst.pipe(z.array(Doelgroep)),
  voorwaarden: z.string(),
  max_bedrag: leegIsNull(geheelGetal.pipe(z.number().int().min(0))),
  max_duur_maanden: leegIsNull(geheelGetal.pipe(z.number().int().min(0))),
  gewijzigd_op: tijdstipDDMMJJJJ,
});
