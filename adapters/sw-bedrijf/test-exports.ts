/**
 * Test data for the adapter tests: native SW-bedrijf export files as the companies write them
 * (BOM, `;`, CRLF, `dd-mm-jjjj`, decimal comma, `ja`/`nee`), and a source configuration with two
 * companies behind a nock host. BSNs are elfproef-valid test numbers.
 */
import { loadBronnen, type BronnenConfig } from '../kit/bronnen.js';
import { createPseudonymizer } from '../kit/pseudonym.js';

export const SW_TEST_URL = 'http://sw-bedrijf.test';

const alle = loadBronnen({ SW_BEDRIJF_BRON_URL: SW_TEST_URL });
/** The configuration with only sw-am36 (Regio Zwolle) and sw-am01 (Groningen). */
export const TEST_BRONNEN: BronnenConfig = { ...alle, swBedrijf: alle.swBedrijf.filter((b) => b.id === 'sw-am36' || b.id === 'sw-am01') };

export const pseudonymize = createPseudonymizer('sw-bedrijf-adapter-test-pseudoniemsleutel');

/** The day ages are computed against in these tests. */
export const VANDAAG = new Date(Date.UTC(2026, 10, 1));

export const BSN = { berg: '999999990', jansen: '111222333', vries: '123456782', bakker: '944117715', ongeldig: '123456789' } as const;

function csvBestand(...regels: string[]): string {
  return '\uFEFF' + regels.join('\r\n') + '\r\n';
}

const MEDEWERKERS_KOP = 'personeelsnummer;bsn;voorletters;tussenvoegsel;achternaam;geboortedatum;gemeentecode;dienstverband;in_dienst_sinds;werkfit;uren_per_week;gedetacheerd_bij_kvk;laatst_gewijzigd';

/** sw-am36: two valid employees and one (P0000003) with the impossible date 31-02-2024. */
export const MEDEWERKERS_AM36 = csvBestand(
  MEDEWERKERS_KOP,
  `P0000001;${BSN.berg};J.;van der;Berg;14-03-1965;GM0193;WSW;01-09-2004;ja;32,0;12345678;15-10-2026 09:30:00`,
  `P0000002;${BSN.jansen};A.M.;;Jansen;02-07-1990;GM0119;BESCHUT_WERK;01-02-2021;nee;24,0;;01-10-2026 12:00:00`,
  `P0000003;${BSN.vries};K.;de;Vries;30-11-1985;GM0177;WSW;31-02-2024;nee;36,0;;20-09-2026 08:15:00`,
);

export const MEDEWERKERS_AM01 = csvBestand(MEDEWERKERS_KOP, `P0000101;${BSN.bakker};E.;;Bakker;05-05-1970;GM0014;BESCHUT_WERK;15-06-2018;ja;28,5;87654321;10-10-2026 10:00:00`);

const WERKGEVERS_KOP = 'kvk_nummer;naam;gemeentecode;aantal_gedetacheerden;uren_per_week_totaal;laatst_gewijzigd';

/** sw-am36: one employer with secondments, one without, one (34567890) with the date 30-02-2026. */
export const WERKGEVERS_AM36 = csvBestand(
  WERKGEVERS_KOP,
  '12345678;Bakkerij De Korenschoof B.V.;GM0193;3;92,5;15-10-2026 09:30:00',
  '23456789;Groenvoorziening Zwolle;GM0193;0;0,0;01-09-2026 08:00:00',
  '34567890;Kapotte Datum B.V.;GM0193;1;16,0;30-02-2026 08:00:00',
);

export const WERKGEVERS_AM01 = csvBestand(WERKGEVERS_KOP, '87654321;Schoonmaak Noord;GM0014;1;28,5;10-10-2026 10:00:00');

export const INSTRUMENTEN_AM36 = csvBestand(
  'instrument_id;naam;soort;doelgroepen;voorwaarden;max_bedrag;max_duur_maanden;laatst_gewijzigd',
  'sw-am36-DET;Individuele detachering;detachering;WSW,BESCHUT_WERK;"Medewerker blijft in dienst; werkgever betaalt een inleenvergoeding.";;;01-10-2026 08:00:00',
  'sw-am36-DIAG;Diagnose- en werkfittraject;diagnose werkfit;PARTICIPATIEWET,WSW;Traject van 12 weken.;1.250,00;4;01-10-2026 08:00:00',
);
