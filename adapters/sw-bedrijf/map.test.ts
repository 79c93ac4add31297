/**
 * Target groups the SW-bedrijf adapter derives for the loket index: the kind of employment, and
 * 55-plus counted in full years on the given day.
 */
import { describe, expect, it } from 'vitest';
import { doelgroepen } from './map.js';
import type { MedewerkerRij } from './payload-schemas.js';

const rij: MedewerkerRij = {
  personeelsnummer: 'P0000001',
  geboortedatum: '1971-11-01',
  gemeentecode: 'GM0193',
  dienstverband: 'BESCHUT_WERK',
  in_dienst_sinds: '2019-01-01',
  werkfit: false,
  uren_per_week: 24,
  gedetacheerd_bij_kvk: null,
  laatst_gewijzigd: '2026-10-01T08:00:00.000Z',
};

describe('SW-bedrijf target groups', () => {
  it('adds VIJFTIG_PLUS from the 55th birthday on, not the day before', () => {
    expect(doelgroepen(rij, new Date(Date.UTC(2026, 9, 31)))).toEqual(['BESCHUT_WERK']);
    expect(doelgroepen(rij, new Date(Date.UTC(2026, 10, 1)))).toEqual(['BESCHUT_WERK', 'VIJFTIG_PLUS']);
  });

  it('names WSW employment as WSW', () => {
    expect(doelgroepen({ ...rij, dienstverband: 'WSW', geboortedatum: '2000-05-05' }, new Date(Date.UTC(2026, 10, 1)))).toEqual(['WSW']);
  });
});
