import { describe, expect, it } from 'vitest';
import { isVijftigPlus, leeftijd } from './leeftijd.js';

describe('leeftijd', () => {
  it('counts the birthday itself as the new age (UTC)', () => {
    expect(leeftijd('1971-11-01', new Date('2026-10-31T23:59:59.000Z'))).toBe(54);
    expect(leeftijd('1971-11-01', new Date('2026-11-01T00:00:00.000Z'))).toBe(55);
    expect(leeftijd('1971-11-02', new Date('2026-11-01T12:00:00.000Z'))).toBe(54);
  });

  it('makes someone VIJFTIG_PLUS from their 55th birthday on', () => {
    expect(isVijftigPlus('1971-11-01', new Date('2026-11-01T00:00:00.000Z'))).toBe(true);
    expect(isVijftigPlus('1971-11-01', new Date('2026-10-31T00:00:00.000Z'))).toBe(false);
  });
});
