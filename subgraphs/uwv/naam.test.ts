/** The full name in a UWV dossier: "Voornamen [voorvoegsel] Achternaam". */
import { describe, expect, it } from 'vitest';
import { volledigeNaam } from './naam.js';

describe('volledigeNaam', () => {
  it('puts the prefix between first names and surname', () => {
    expect(volledigeNaam({ voornamen: 'Jan Willem', voorvoegsel: 'van der', achternaam: 'Berg' })).toBe('Jan Willem van der Berg');
  });

  it('leaves out a missing or blank prefix without double spaces', () => {
    expect(volledigeNaam({ voornamen: 'Anna', voorvoegsel: null, achternaam: 'Smit' })).toBe('Anna Smit');
    expect(volledigeNaam({ voornamen: 'Anna', voorvoegsel: ' ', achternaam: 'Smit' })).toBe('Anna Smit');
  });
});
