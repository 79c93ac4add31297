/**
 * Target groups SBB data can show. SBB only knows mbo diplomas, so "no startkwalificatie" cannot be
 * concluded (a havo diploma is not in SBB's register); age can: 55 or over is `VIJFTIG_PLUS`.
 */
import { isVijftigPlus } from '../kit/leeftijd.js';
import type { Doelgroep } from '../kit/vocabulary.js';

export function doelgroepenVanDeelnemer(geboortedatum: string, now: Date): Doelgroep[] {
  return isVijftigPlus(geboortedatum, now) ? ['VIJFTIG_PLUS'] : [];
}
