/**
 * Renders the world's gemeente slices as the JSON records of a gemeente system (Dutch snake_case,
 * dates `YYYY-MM-DD`, timestamps ISO 8601). A corrupt slice loses a required field, while its
 * `klantnummer` and `bsn` (or other key) stay readable, as a half-migrated record would.
 */
import type { Instrument, Persoon, Vacature, Werkgever } from '../generator/world-types.js';

export interface JsonKlant {
  klantnummer: string;
  bsn: string;
  voornamen: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum?: string;
  gemeentecode: string;
  postcode: string;
  regeling: string;
  participatieladder_trede?: number;
  klantmanager: string;
  in_beeld_sinds: string;
  statushouder: boolean;
  startkwalificatie: boolean;
  competenties: string[];
  werk_denkniveau: number;
  beschikbaar_per: string;
  gewijzigd_op: string;
}

export interface JsonWerkgever {
  kvk_nummer: string;
  handelsnaam: string;
  gemeentecode: string;
  accountmanager: string;
  lks_plaatsingen: number;
  laatste_contact?: string;
  gewijzigd_op: string;
}

export interface JsonVacature {
  nummer: string;
  kvk_nummer: string;
  titel: string;
  beroepscode: string;
  gemeentecode: string;
  postcode: string;
  uren_per_week: number;
  werk_denkniveau: number;
  soort: string;
  banenafspraak: boolean;
  omschrijving?: string;
  geplaatst_op: string;
  gewijzigd_op: string;
}

export interface JsonInstrument {
  id: string;
  gemeentecode: string | null;
  naam?: string;
  soort: string;
  doelgroepen: string[];
  voorwaarden: string;
  max_bedrag: number | null;
  max_duur_maanden: number | null;
  gewijzigd_op: string;
}

/** A person with a gemeente slice (the caller filters). */
export function jsonKlant(persoon: Persoon & { gemeente: NonNullable<Persoon['gemeente']> }): JsonKlant {
  const klant = persoon.gemeente;
  const record: JsonKlant = {
    klantnummer: klant.klantnummer,
    bsn: persoon.bsn,
    voornamen: persoon.voornaam,
    tussenvoegsel: persoon.tussenvoegsel === '' ? null : persoon.tussenvoegsel,
    achternaam: persoon.achternaam,
    geboortedatum: persoon.geboortedatum,
    gemeentecode: persoon.gemeenteCode,
    postcode: persoon.postcode,
    regeling: klant.regeling,
    participatieladder_trede: klant.trede,
    klantmanager: klant.klantmanager,
    in_beeld_sinds: klant.sinds,
    statushouder: persoon.statushouder,
    startkwalificatie: persoon.startkwalificatie,
    competenties: persoon.competenties,
    werk_denkniveau: persoon.werkDenkNiveau,
    beschikbaar_per: persoon.beschikbaarPer,
    gewijzigd_op: klant.bijgewerktOp,
  };
  if (klant.corrupt) {
    // Alternate which required field is missing, deterministically per client number.
    if (Number(klant.klantnummer.slice(-1)) % 2 === 0) delete record.geboortedatum;
    else delete record.participatieladder_trede;
  }
  return record;
}

export function jsonWerkgever(werkgever: Werkgever & { gemeente: NonNullable<Werkgever['gemeente']> }): JsonWerkgever {
  const relatie = werkgever.gemeente;
  const record: JsonWerkgever = {
    kvk_nummer: werkgever.kvkNummer,
    handelsnaam: werkgever.naam,
    gemeentecode: werkgever.gemeenteCode,
    accountmanager: relatie.accountmanager,
    lks_plaatsingen: relatie.lksPlaatsingen,
    laatste_contact: relatie.laatsteContact,
    gewijzigd_op: relatie.bijgewerktOp,
  };
  if (relatie.corrupt) delete record.laatste_contact;
  return record;
}

export function jsonVacature(vacature: Vacature & { gemeente: NonNullable<Vacature['gemeente']> }): JsonVacature {
  const record: JsonVacature = {
    nummer: vacature.gemeente.nummer,
    kvk_nummer: vacature.kvkNummer,
    titel: vacature.titel,
    beroepscode: vacature.beroepscode,
    gemeentecode: vacature.gemeenteCode,
    postcode: vacature.postcode,
    uren_per_week: vacature.urenPerWeek,
    werk_denkniveau: vacature.werkDenkNiveau,
    soort: vacature.soort,
    banenafspraak: vacature.banenafspraak,
    omschrijving: vacature.omschrijving,
    geplaatst_op: vacature.geplaatstOp,
    gewijzigd_op: vacature.bijgewerktOp,
  };
  if (vacature.gemeente.corrupt) delete record.omschrijving;
  return record;
}

export function jsonInstrument(instrument: Instrument): JsonInstrument {
  const record: JsonInstrument = {
    id: instrument.id,
    gemeentecode: instrument.gemeenteCode,
    naam: instrument.naam,
    soort: instrument.soort,
    doelgroepen: instrument.doelgroepen,
    voorwaarden: instrument.voorwaarden,
    max_bedrag: instrument.maxBedrag,
    max_duur_maanden: instrument.maxDuurMaanden,
    gewijzigd_op: instrument.bijgewerktOp,
  };
  if (instrument.corrupt) delete record.naam;
  return record;
}
