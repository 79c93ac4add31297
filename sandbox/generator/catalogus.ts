/**
 * Word lists for the synthetic world: occupations (with ISCO-08 codes), sectors (SBI section and
 * branche), courses. Crebo numbers here are sandbox values in the crebo format, not the real register.
 */

export interface Beroep {
  titel: string;
  /** ISCO-08 unit group. */
  isco: string;
  niveau: number;
  sector: string;
}

export const BEROEPEN: Beroep[] = [
  { titel: 'Medewerker logistiek', isco: '9333', niveau: 2, sector: 'H' },
  { titel: 'Orderpicker', isco: '9321', niveau: 1, sector: 'H' },
  { titel: 'Vrachtwagenchauffeur CE', isco: '8332', niveau: 2, sector: 'H' },
  { titel: 'Heftruckchauffeur', isco: '8344', niveau: 2, sector: 'H' },
  { titel: 'Productiemedewerker', isco: '9329', niveau: 1, sector: 'C' },
  { titel: 'Operator procesindustrie', isco: '8131', niveau: 3, sector: 'C' },
  { titel: 'Lasser', isco: '7212', niveau: 3, sector: 'C' },
  { titel: 'Monteur elektrotechniek', isco: '7411', niveau: 3, sector: 'F' },
  { titel: 'Loodgieter', isco: '7126', niveau: 3, sector: 'F' },
  { titel: 'Timmerman', isco: '7115', niveau: 3, sector: 'F' },
  { titel: 'Schoonmaker', isco: '9112', niveau: 1, sector: 'N' },
  { titel: 'Verkoopmedewerker', isco: '5223', niveau: 2, sector: 'G' },
  { titel: 'Vakkenvuller', isco: '9334', niveau: 1, sector: 'G' },
  { titel: 'Kassamedewerker', isco: '5230', niveau: 1, sector: 'G' },
  { titel: 'Kok', isco: '5120', niveau: 3, sector: 'I' },
  { titel: 'Bediening horeca', isco: '5131', niveau: 2, sector: 'I' },
  { titel: 'Helpende zorg en welzijn', isco: '5322', niveau: 2, sector: 'Q' },
  { titel: 'Verzorgende IG', isco: '5321', niveau: 3, sector: 'Q' },
  { titel: 'Administratief medewerker', isco: '4110', niveau: 3, sector: 'N' },
  { titel: 'Klantenservicemedewerker', isco: '4222', niveau: 3, sector: 'N' },
  { titel: 'Magazijnmedewerker', isco: '4321', niveau: 2, sector: 'H' },
  { titel: 'Groenvoorziener', isco: '6113', niveau: 2, sector: 'A' },
  { titel: 'Medewerker glastuinbouw', isco: '9214', niveau: 1, sector: 'A' },
  { titel: 'Softwareontwikkelaar', isco: '2512', niveau: 6, sector: 'J' },
  { titel: 'Onderwijsassistent', isco: '5312', niveau: 4, sector: 'P' },
  { titel: 'Beveiliger', isco: '5414', niveau: 2, sector: 'N' },
];

export interface Sector {
  /** SBI section letter. */
  sectie: string;
  /** A representative SBI code in the section. */
  sbiCode: string;
  naam: string;
  branche: string;
  vereniging: string;
  cao: string;
}

export const SECTOREN: Sector[] = [
  { sectie: 'A', sbiCode: '0113', naam: 'Landbouw en tuinbouw', branche: 'Glastuinbouw', vereniging: 'Brancheorganisatie Glastuinbouw (sandbox)', cao: 'Cao Glastuinbouw' },
  { sectie: 'C', sbiCode: '2562', naam: 'Industrie', branche: 'Metaal en techniek', vereniging: 'Vereniging Metaalbewerking (sandbox)', cao: 'Cao Metaal en Techniek' },
  { sectie: 'F', sbiCode: '4321', naam: 'Bouw en installatie', branche: 'Installatietechniek', vereniging: 'Vereniging Installatiebedrijven (sandbox)', cao: 'Cao Technisch Installatiebedrijf' },
  { sectie: 'G', sbiCode: '4711', naam: 'Detailhandel', branche: 'Supermarkten', vereniging: 'Vereniging Levensmiddelenhandel (sandbox)', cao: 'Cao Supermarkten' },
  { sectie: 'H', sbiCode: '4941', naam: 'Vervoer en opslag', branche: 'Transport en logistiek', vereniging: 'Vereniging Wegvervoer (sandbox)', cao: 'Cao Beroepsgoederenvervoer' },
  { sectie: 'I', sbiCode: '5610', naam: 'Horeca', branche: 'Horeca', vereniging: 'Horecavereniging (sandbox)', cao: 'Cao Horeca' },
  { sectie: 'J', sbiCode: '6201', naam: 'Informatie en communicatie', branche: 'ICT', vereniging: 'Vereniging ICT-bedrijven (sandbox)', cao: 'geen cao' },
  { sectie: 'N', sbiCode: '8121', naam: 'Zakelijke dienstverlening', branche: 'Schoonmaak', vereniging: 'Vereniging Schoonmaakbedrijven (sandbox)', cao: 'Cao Schoonmaak- en Glazenwassersbedrijf' },
  { sectie: 'P', sbiCode: '8520', naam: 'Onderwijs', branche: 'Primair onderwijs', vereniging: 'Raad Primair Onderwijs (sandbox)', cao: 'Cao Primair Onderwijs' },
  { sectie: 'Q', sbiCode: '8710', naam: 'Zorg en welzijn', branche: 'VVT', vereniging: 'Branchevereniging Zorg (sandbox)', cao: 'Cao VVT' },
];

export interface Opleiding {
  crebo: string;
  naam: string;
  niveau: number;
  sector: string;
}

export const OPLEIDINGEN: Opleiding[] = [
  { crebo: '25415', naam: 'Medewerker logistiek', niveau: 2, sector: 'H' },
  { crebo: '25410', naam: 'Chauffeur wegvervoer', niveau: 2, sector: 'H' },
  { crebo: '25265', naam: 'Medewerker productie', niveau: 2, sector: 'C' },
  { crebo: '25282', naam: 'Lastechnicus', niveau: 3, sector: 'C' },
  { crebo: '25262', naam: 'Eerste monteur elektrotechnische installaties', niveau: 3, sector: 'F' },
  { crebo: '25295', naam: 'Allround timmerman', niveau: 3, sector: 'F' },
  { crebo: '25477', naam: 'Medewerker retail', niveau: 2, sector: 'G' },
  { crebo: '25169', naam: 'Zelfstandig werkend kok', niveau: 3, sector: 'I' },
  { crebo: '25168', naam: 'Medewerker bediening', niveau: 2, sector: 'I' },
  { crebo: '25498', naam: 'Helpende zorg en welzijn', niveau: 2, sector: 'Q' },
  { crebo: '25491', naam: 'Verzorgende-IG', niveau: 3, sector: 'Q' },
  { crebo: '25140', naam: 'Medewerker schoonmaak', niveau: 1, sector: 'N' },
  { crebo: '25604', naam: 'Software developer', niveau: 4, sector: 'J' },
  { crebo: '25463', naam: 'Medewerker teelt', niveau: 2, sector: 'A' },
  { crebo: '25488', naam: 'Onderwijsassistent', niveau: 4, sector: 'P' },
];

/** VUM gedragscompetenties are coded 24100–24126. */
export const COMPETENTIE_CODES = Array.from({ length: 27 }, (_, i) => String(24100 + i));

export const BEDRIJF_SUFFIXEN: Record<string, string[]> = {
  A: ['Kwekerij', 'Tuinbouw', 'Groen'],
  C: ['Metaalbewerking', 'Productie', 'Techniek'],
  F: ['Installatietechniek', 'Bouw', 'Aannemersbedrijf'],
  G: ['Supermarkt', 'Winkels', 'Retail'],
  H: ['Transport', 'Logistiek', 'Distributie'],
  I: ['Horeca', 'Catering', 'Brasserie'],
  J: ['Software', 'ICT Diensten', 'Digital'],
  N: ['Schoonmaakdiensten', 'Facilitair', 'Beveiliging'],
  P: ['Kindcentrum', 'Onderwijsgroep', 'Scholengroep'],
  Q: ['Zorggroep', 'Thuiszorg', 'Welzijn'],
};
