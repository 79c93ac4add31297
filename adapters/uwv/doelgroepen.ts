/**
 * Target groups (doelgroepen) derived from UWV's data: the benefit (WW, WIA, Wajong), the
 * doelgroepregister (banenafspraak), a beschut-werk indication, and age 55 or over.
 */
import { isVijftigPlus } from '../kit/leeftijd.js';
import type { Doelgroep } from '../kit/vocabulary.js';
import type { UwvKlant } from './records.js';

export function doelgroepenVanKlant(klant: UwvKlant, vandaag: Date): Doelgroep[] {
  const doelgroepen: Doelgroep[] = [];
  if (klant.uitkering) doelgroepen.push(klant.uitkering);
  if (klant.doelgroepregister) doelgroepen.push('BANENAFSPRAAK');
  if (klant.beschutWerk) doelgroepen.push('BESCHUT_WERK');
  if (isVijftigPlus(klant.geboortedatum, vandaag)) doelgroepen.push('VIJFTIG_PLUS');
  return doelgroepen;
}
