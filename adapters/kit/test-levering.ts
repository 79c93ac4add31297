/** Test support: a canonical contact moment for the adapters' delivery tests. */
import type { ContactLevering } from './contact-levering.js';

export function testLevering(overrides: Partial<ContactLevering> = {}): ContactLevering {
  return {
    sleutel: 'cm-7f3a9c2e-0001',
    kvkNummer: '12345678',
    regioCode: 'AM36',
    gemeenteCode: 'GM0193',
    datum: '2026-11-24',
    status: 'GEPLAND',
    kanaal: 'BEZOEK',
    medewerker: 'Petra de Vries',
    onderwerp: 'Kennismaking & plaatsing "BBL"; 2 kandidaten',
    organisatie: 'GM0193',
    ...overrides,
  };
}
