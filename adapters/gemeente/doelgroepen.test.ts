/** Tests of the target groups derived from a gemeente client: age limits on the exact birthday. */
import { describe, expect, it } from 'vitest';
import { klantDoelgroepen } from './doelgroepen.js';

const VANDAAG = new Date(Date.UTC(2026, 10, 1));
const klant = (geboortedatum: string, extra: Partial<{ statushouder: boolean; startkwalificatie: boolean }> = {}) => ({
  regeling: 'IOAW' as const,
  statushouder: false,
  startkwalificatie: true,
  geboortedatum,
  ...extra,
});

describe('klantDoelgroepen', () => {
  it('counts every gemeente regeling as PARTICIPATIEWET', () => {
    expect(klantDoelgroepen(klant('1990-01-01'), VANDAAG)).toEqual(['PARTICIPATIEWET']);
  });

  it('adds VIJFTIG_PLUS from the 55th birthday', () => {
    expect(klantDoelgroepen(klant('1971-11-01'), VANDAAG)).toContain('VIJFTIG_PLUS');
    expect(klantDoelgroepen(klant('1971-11-02'), VANDAAG)).not.toContain('VIJFTIG_PLUS');
  });

  it('adds JONGERE_ZONDER_STARTKWALIFICATIE under 27 without a startkwalificatie only', () => {
    expect(klantDoelgroepen(klant('1999-11-02', { startkwalificatie: false }), VANDAAG)).toContain('JONGERE_ZONDER_STARTKWALIFICATIE');
    expect(klantDoelgroepen(klant('1999-11-01', { startkwalificatie: false }), VANDAAG)).not.toContain('JONGERE_ZONDER_STARTKWALIFICATIE');
    expect(klantDoelgroepen(klant('2005-01-01'), VANDAAG)).not.toContain('JONGERE_ZONDER_STARTKWALIFICATIE');
  });

  it('adds STATUSHOUDER for a statushouder', () => {
    expect(klantDoelgroepen(klant('1990-01-01', { statushouder: true }), VANDAAG)).toEqual(['PARTICIPATIEWET', 'STATUSHOUDER']);
  });
});
