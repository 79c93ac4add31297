/**
 * Target groups (doelgroepen) derived from UWV's data: the benefit (WW, WIA, Wajong), the
 * doelgroepregister (banenafspraak), a beschut-werk indication, and age 55 or over.
 */
import type { Doelgroep } from '../kit/vocabulary.js';
import type { UwvKlant } from './records.js';

export const VIJFTIG_PLUS_LEEFTIJD = 55;

/** Age in whole years on `vandaag` (UTC) of someone born on the ISO date `geboortedatum`. */
export function leeftijd(geboortedatum: string, vandaag: Date): number {
  const [jaar = 0, maand = 0, dag = 0] = geboortedatum.split('-').map(Number);
  const voorVerjaardag = vandaag.getUTCMonth() + 1 < maand || (vandaag.getUTCMonth() + 1 === maand && vandaag.getUTCDate() < dag);
  return vandaag.getUTCFullYear() - jaar - (voorVerjaardag ? 1 : 0);
}

export function doelgroepenVanKlant(klant: UwvKlant, vandaag: Date): Doelgroep[] {
  const doelgroepen: Doelgroep[] = [];
  if (klant.uitkering) doelgroepen.push(klant.uitkering);
  if (klant.doelgroepregister) doelgroepen.push('BANENAFSPRAAK');
  if (klant.beschutWerk) doelgroepen.push('BESCHUT_WERK');
  if (leeftijd(klant.geboortedatum, vandaag) >= VIJFTIG_PLUS_LEEFTIJD) doelgroepen.push('VIJFTIG_PLUS');
  return doelgroepen;
}
