/** Target groups derived from UWV data, in particular the 55-plus boundary. */
import { describe, expect, it } from 'vitest';
import { doelgroepenVanKlant } from './doelgroepen.js';
import type { UwvKlant } from './records.js';

const klant = (velden: Partial<UwvKlant>): UwvKlant => ({
  id: 'kd_test',
  voornamen: 'Anna',
  voorvoegsel: null,
  achternaam: 'Smit',
  geboortedatum: '1990-06-15',
  gemeenteCode: 'GM0193',
  uitkering: null,
  doelgroepregister: false,
  beschutWerk: false,
  beroepscode: null,
  ingeschrevenSinds: '2025-01-01',
  competenties: [],
  werkDenkNiveau: null,
  beschikbaarPer: null,
  bijgewerktOp: '2026-10-01T00:00:00.000Z',
  ...velden,
});

describe('UWV doelgroepen', () => {
  it('makes someone VIJFTIG_PLUS on their 55th birthday, not the day before', () => {
    const vijftiger = klant({ geboortedatum: '1971-11-01' });
    expect(doelgroepenVanKlant(vijftiger, new Date('2026-10-31T12:00:00.000Z'))).toEqual([]);
    expect(doelgroepenVanKlant(vijftiger, new Date('2026-11-01T12:00:00.000Z'))).toEqual(['VIJFTIG_PLUS']);
  });

  it('derives the benefit, banenafspraak and beschut werk from UWV indications', () => {
    expect(doelgroepenVanKlant(klant({ uitkering: 'WIA', doelgroepregister: true, beschutWerk: true }), new Date('2026-11-01'))).toEqual(['WIA', 'BANENAFSPRAAK', 'BESCHUT_WERK']);
  });
});
