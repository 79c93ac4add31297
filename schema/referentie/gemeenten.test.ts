import { describe, expect, it } from 'vitest';
import { referentie } from './gemeenten.js';

describe('CBS reference data', () => {
  it('has the 342 gemeenten of 2026 in 35 arbeidsmarktregio\'s', () => {
    const ref = referentie();
    expect(ref.gemeenten).toHaveLength(342);
    expect(ref.regios).toHaveLength(35);
    expect(new Set(ref.gemeenten.map((g) => g.naam)).size).toBe(342);
    expect(ref.regios.reduce((n, r) => n + r.gemeenten.length, 0)).toBe(342);
  });

  it('uses CBS codes and spelling', () => {
    const ref = referentie();
    expect(ref.gemeente('GM0518')?.naam).toBe("'s-Gravenhage");
    expect(ref.gemeente('GM0193')?.regioCode).toBe('AM36');
    expect(ref.regio('AM04')).toBeUndefined();
    for (const g of ref.gemeenten) expect(g.code).toMatch(/^GM\d{4}$/);
    for (const r of ref.regios) expect(r.code).toMatch(/^AM\d{2}$/);
  });
});
