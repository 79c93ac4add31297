/**
 * The synthetic "world" behind the sandbox: people, employers, vacancies and instruments, with what
 * each partner knows of them. Generated once per seed; every sandbox partner renders its own slice
 * in its native format. Nothing here is real: names from faker, BSNs elfproef-valid in the 9xxxxxxxx
 * range, KvK numbers random.
 */

/** Set on a record that the partner serves malformed (sandbox knob `malformedRate`). */
export interface Corruptible {
  corrupt?: boolean;
}

export interface Persoon {
  bsn: string;
  voornaam: string;
  /** e.g. `van der`, empty when none. */
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  geslacht: 'M' | 'V' | 'X';
  postcode: string;
  huisnummer: number;
  gemeenteCode: string;
  regioCode: string;
  /** VUM gedragscompetentie codes. */
  competenties: string[];
  werkDenkNiveau: number;
  beschikbaarPer: string;
  statushouder: boolean;
  startkwalificatie: boolean;
  gemeente?: GemeenteKlant;
  uwv?: UwvKlant;
  sw?: SwMedewerker;
  onderwijs?: Deelnemer;
}

export interface GemeenteKlant extends Corruptible {
  bronId: string;
  klantnummer: string;
  regeling: 'PARTICIPATIEWET' | 'IOAW' | 'IOAZ';
  trede: number;
  klantmanager: string;
  sinds: string;
  bijgewerktOp: string;
}

export interface UwvKlant extends Corruptible {
  klantnummer: string;
  uitkering: 'WW' | 'WIA' | 'WAJONG' | null;
  doelgroepregister: boolean;
  beschutWerk: boolean;
  /** ISCO-08 code of the desired occupation. */
  beroepscode: string;
  inschrijfdatum: string;
  bijgewerktOp: string;
}

export interface SwMedewerker extends Corruptible {
  bronId: string;
  personeelsnummer: string;
  dienstverband: 'WSW' | 'BESCHUT_WERK';
  sinds: string;
  werkfit: boolean;
  urenPerWeek: number;
  /** KvK number of the employer where the person is seconded, if any. */
  gedetacheerdBij: string | null;
  bijgewerktOp: string;
}

export interface Diploma {
  crebo: string;
  naam: string;
  niveau: number;
  soort: 'DIPLOMA' | 'CERTIFICAAT' | 'PRAKTIJKVERKLARING';
  datum: string;
}

export interface Deelnemer extends Corruptible {
  deelnemernummer: string;
  diplomas: Diploma[];
  bijgewerktOp: string;
}

export interface Werkgever {
  kvkNummer: string;
  vestigingsnummer: string;
  naam: string;
  sbiCode: string;
  sector: string;
  grootte: 'MKB' | 'REGIONAAL' | 'LANDELIJK';
  gemeenteCode: string;
  regioCode: string;
  postcode: string;
  uwv?: UwvWerkgever;
  gemeente?: GemeenteWerkgever;
  sw?: SwWerkgever;
  onderwijs?: Leerbedrijf;
  werkgeversvereniging?: Lidmaatschap;
}

export interface UwvWerkgever extends Corruptible {
  accountmanager: string;
  laatsteContact: string;
  aantalContacten: number;
  bijgewerktOp: string;
}

export interface GemeenteWerkgever extends Corruptible {
  bronId: string;
  accountmanager: string;
  lksPlaatsingen: number;
  laatsteContact: string;
  bijgewerktOp: string;
}

export interface SwWerkgever extends Corruptible {
  bronId: string;
  bijgewerktOp: string;
}

export interface Leerbedrijf extends Corruptible {
  erkenningen: { crebo: string; opleiding: string; sinds: string }[];
  bijgewerktOp: string;
}

export interface Lidmaatschap extends Corruptible {
  branche: string;
  vereniging: string;
  cao: string;
  lidSinds: string;
  werkleerplekken: number;
  bijgewerktOp: string;
}

export interface Vacature {
  kvkNummer: string;
  titel: string;
  beroepscode: string;
  gemeenteCode: string;
  regioCode: string;
  postcode: string;
  urenPerWeek: number;
  werkDenkNiveau: number;
  soort: 'BAAN' | 'LEERBAAN' | 'LEERWERKPLEK' | 'STAGE' | 'BASISBAAN';
  banenafspraak: boolean;
  omschrijving: string;
  geplaatstOp: string;
  bijgewerktOp: string;
  uwv?: { vacaturenummer: string } & Corruptible;
  gemeente?: { bronId: string; nummer: string } & Corruptible;
  onderwijs?: { leerbaanId: string; crebo: string } & Corruptible;
  werkgeversvereniging?: { id: string; branche: string } & Corruptible;
}

export interface Instrument extends Corruptible {
  /** Partner's own id. */
  id: string;
  aanbieder: 'GEMEENTE' | 'UWV' | 'SW_BEDRIJF' | 'ONDERWIJS' | 'WERKGEVERSVERENIGING';
  /** Source system serving it (gemeente source, sw-bedrijf, or the national id). */
  bronId: string;
  gemeenteCode: string | null;
  regioCode: string | null;
  naam: string;
  soort: string;
  doelgroepen: string[];
  voorwaarden: string;
  maxBedrag: number | null;
  maxDuurMaanden: number | null;
  bijgewerktOp: string;
}

export interface WorldOptions {
  seed: number;
  kandidaten: number;
  vacatures: number;
  werkgevers: number;
  /** Share of partner records served malformed, 0..1. */
  malformedRate: number;
}

export interface World {
  options: WorldOptions;
  personen: Persoon[];
  werkgevers: Werkgever[];
  vacatures: Vacature[];
  instrumenten: Instrument[];
}
