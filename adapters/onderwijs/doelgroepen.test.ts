/** Age-based target groups: 55-plus counts from the 55th birthday itself. */
import { describe, expect, it } from 'vitest';
import { doelgroepenVanDeelnemer } from './doelgroepen.js';

describe('doelgroepenVanDeelnemer', () => {
  const now = new Date(Date.UTC(2026, 10, 1));

  it('marks a person VIJFTIG_PLUS from the day they turn 55', () => {
    expect(doelgroepenVanDeelnemer('1971-11-01', now)).toEqual(['VIJFTIG_PLUS']);
  });

  it('does not mark a person who turns 55 tomorrow', () => {
    expect(doelgroepenVanDeelnemer('1971-11-02', now)).toEqual([]);
  });
});
