/**
 * Test support: a small source configuration (two JSON systems and one CSV export under one base
 * URL), native payload builders and valid test BSNs for the gemeente adapter's nock tests.
 */
import { loadBronnen, type BronnenConfig } from '../kit/bronnen.js';

export const BASE = 'http://gemeente.test';

export function testBronnen(): BronnenConfig {
  return {
    ...loadBronnen({ GEMEENTE_BRON_URL: BASE }),
    gemeente: [
      { id: 'gm-test-a', formaat: 'json', regio: 'AM36', gemeenten: ['GM0193', 'GM0148'], url: `${BASE}/systemen/gm-test-a` },
      { id: 'gm-test-b', formaat: 'json', regio: 'AM36', gemeenten: ['GM0166'], url: `${BASE}/systemen/gm-test-b` },
      { id: 'gm-test-csv', formaat: 'csv', regio: 'AM36', gemeenten: ['GM1708'], url: `${BASE}/exports/gm-test-csv` },
    ],
  };
}

/** A BSN passing the elfproef, made from 8 leading digits (skipping prefixes that cannot pass). */
export function testBsn(n: number): string {
  for (let prefix = 90_000_000 + n * 10; ; prefix++) {
    const digits = String(prefix).split('').map(Number);
    const check = digits.reduce((sum, d, i) => sum + d * (9 - i), 0) % 11;
    if (check < 10) return `${prefix}${check}`;
  }
}

/** A native JSON client record; override or delete fields per test. */
export function jsonKlant(klantnummer: string, bsn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    klantnummer,
    bsn,
    voornamen: 'Fatima',
    tussenvoegsel: 'van der',
    achternaam: 'Berg',
    geboortedatum: '1990-04-12',
    gemeentecode: 'GM0193',
    postcode: '8011AB',
    regeling: 'PARTICIPATIEWET',
    participatieladder_trede: 4,
    klantmanager: 'Jan Jansen',
    in_beeld_sinds: '2024-01-15',
    statushouder: false,
    startkwalificatie: true,
    competenties: ['24101', '24107'],
    werk_denkniveau: 3,
    beschikbaar_per: '2026-12-01',
    gewijzigd_op: '2026-10-20T09:15:00.000Z',
    ...overrides,
  };
}

export function jsonWerkgever(kvk: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kvk_nummer: kvk,
    handelsnaam: `Bakkerij ${kvk} B.V.`,
    gemeentecode: 'GM0193',
    accountmanager: 'Petra de Vries',
    lks_plaatsingen: 2,
    laatste_contact: '2026-09-30',
    gewijzigd_op: '2026-10-01T12:00:00.000Z',
    ...overrides,
  };
}

export function jsonVacature(nummer: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nummer,
    kvk_nummer: '12345678',
    titel: 'Medewerker productie (m/v)',
    beroepscode: '9329',
    gemeentecode: 'GM0193',
    postcode: '8011AB',
    uren_per_week: 32,
    werk_denkniveau: 2,
    soort: 'BAAN',
    banenafspraak: true,
    omschrijving: 'Bakkerij zoekt een medewerker productie voor 32 uur per week.',
    geplaatst_op: '2026-10-10',
    gewijzigd_op: '2026-10-11T08:00:00.000Z',
    ...overrides,
  };
}

/** The `{ data, pagina }` envelope of a JSON system. */
export function pagina(data: unknown[], nummer = 1, totaalPaginas = 1, totaalElementen = data.length) {
  return { data, pagina: { nummer, grootte: 200, totaal_elementen: totaalElementen, totaal_paginas: totaalPaginas } };
}

export const CSV_KLANT_HEADER =
  'klantnummer;bsn;voornamen;tussenvoegsel;achternaam;geboortedatum;gemeentecode;postcode;regeling;participatieladder_trede;klantmanager;in_beeld_sinds;statushouder;startkwalificatie;competenties;werk_denkniveau;beschikbaar_per;gewijzigd_op';

export function csvKlantRij(klantnummer: string, bsn: string, geboortedatum = '12-04-1990', statushouder = 'N'): string {
  return `${klantnummer};${bsn};Ahmed;;Yilmaz;${geboortedatum};GM1708;7741AA;IOAW;2;Els Bakker;01-03-2023;${statushouder};J;24101|24110|24120;;;20-10-2026 09:15:00`;
}
