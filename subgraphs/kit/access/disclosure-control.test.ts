import { describe, expect, it } from 'vitest';
import { beschermAantal, onthullingsRegelFromEnv } from './disclosure-control.js';

const regel = { drempel: 5 };

describe('disclosure control of a count', () => {
  it('suppresses every count under the threshold, 0 included', () => {
    for (const n of [0, 1, 2, 3, 4]) expect(beschermAantal(n, regel)).toEqual({ onderdrukt: true, drempel: 5 });
  });

  it('rounds every other count to the nearest multiple of the threshold', () => {
    const published = [5, 6, 7, 8, 12, 13, 1234, 1238].map((n) => beschermAantal(n, regel));
    expect(published.map((p) => (p.onderdrukt ? null : p.waarde))).toEqual([5, 5, 5, 10, 10, 15, 1235, 1240]);
  });

  it('never publishes two counts whose difference is between 0 and the threshold', () => {
    for (let a = 5; a < 200; a++) {
      for (let b = a; b < a + 5; b++) {
        const [pa, pb] = [beschermAantal(a, regel), beschermAantal(b, regel)];
        if (pa.onderdrukt || pb.onderdrukt) continue;
        expect([0, 5]).toContain(pb.waarde - pa.waarde);
      }
    }
  });

  it('is configured by KLEINE_AANTALLEN_DREMPEL, 3 to 100, naming a wrong value', () => {
    expect(onthullingsRegelFromEnv({})).toEqual({ drempel: 5 });
    expect(onthullingsRegelFromEnv({ KLEINE_AANTALLEN_DREMPEL: '10' })).toEqual({ drempel: 10 });
    expect(beschermAantal(14, { drempel: 10 })).toEqual({ onderdrukt: false, waarde: 10 });
    expect(() => onthullingsRegelFromEnv({ KLEINE_AANTALLEN_DREMPEL: '1' })).toThrow(/KLEINE_AANTALLEN_DREMPEL must be at least 3, got 1/);
    expect(() => onthullingsRegelFromEnv({ KLEINE_AANTALLEN_DREMPEL: 'vijf' })).toThrow(/KLEINE_AANTALLEN_DREMPEL must be a whole number/);
  });
});
