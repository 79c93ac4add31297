/**
 * Target groups SBB data can show. SBB only knows mbo diplomas, so "no startkwalificatie" cannot be
 * concluded (a havo diploma is not in SBB's register); age can: 55 or over is `VIJFTIG_PLUS`.
 */
import type { Doelgroep } from '../kit/vocabulary.js';

/** Whole years between an ISO birth date and `now` (UTC). */
export function leeftijd(geboortedatum: string, now: Date): number {
  const [jaar, maand, dag] = geboortedatum.split('-').map(Number) as [number, number, number];
  const verjaardagGeweest = now.getUTCMonth() + 1 > maand || (now.getUTCMonth() + 1 === maand && now.getUTCDate() >= dag);
  return now.getUTCFullYear() - jaar - (verjaardagGeweest ? 0 : 1);
}

export function doelgroepenVanDeelnemer(geboortedatum: string, now: Date): Doelgroep[] {
  return leeftijd(geboortedatum, now) >= 55 ? ['VIJFTIG_PLUS'] : [];
}
