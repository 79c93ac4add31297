/**
 * Checks a consent registration before anything is stored, naming the argument that is wrong:
 * a known purpose, exactly one audience, a known role, at least one category, an expiry in the
 * future and at most two years ahead.
 */
import { badInput } from '../../kit/errors.js';
import { DOELBINDINGEN } from '../../kit/access/verwerkingsregister.js';
import type { ToestemmingInvoer } from '../generated/resolvers-types.js';
import type { NieuweToestemming } from './toestemming-store.js';

/** Roles a consent can name as its audience. */
export const PUBLIEK_ROLLEN = ['klantmanager', 'accountmanager', 'werkgever'];

const MAX_GELDIGHEID_MS = 2 * 366 * 24 * 3600 * 1000;

export function checkToestemmingInvoer(invoer: ToestemmingInvoer, now = Date.now()): Omit<NieuweToestemming, 'organisatie' | 'actor'> {
  if (!DOELBINDINGEN.some((d) => d.id === invoer.doel)) {
    throw badInput(`invoer.doel must be one of ${DOELBINDINGEN.map((d) => d.id).join(', ')}`, 'invoer.doel');
  }
  const organisatie = invoer.publiek.organisatie?.trim() || null;
  const rol = invoer.publiek.rol?.trim() || null;
  if ((organisatie === null) === (rol === null)) throw badInput('invoer.publiek needs exactly one of organisatie or rol', 'invoer.publiek');
  if (organisatie !== null && organisatie.length > 100) throw badInput('invoer.publiek.organisatie is longer than 100 characters', 'invoer.publiek.organisatie');
  if (rol !== null && !PUBLIEK_ROLLEN.includes(rol)) throw badInput(`invoer.publiek.rol must be one of ${PUBLIEK_ROLLEN.join(', ')}`, 'invoer.publiek.rol');
  if (invoer.categorieen.length === 0) throw badInput('invoer.categorieen needs at least one category', 'invoer.categorieen');
  const geldigTot = new Date(invoer.geldigTot);
  if (Number.isNaN(geldigTot.getTime())) throw badInput('invoer.geldigTot is not an ISO 8601 date-time', 'invoer.geldigTot');
  if (geldigTot.getTime() <= now) throw badInput('invoer.geldigTot must be in the future', 'invoer.geldigTot');
  if (geldigTot.getTime() > now + MAX_GELDIGHEID_MS) throw badInput('invoer.geldigTot may be at most two years ahead', 'invoer.geldigTot');
  return { kandidaatId: invoer.kandidaat, doel: invoer.doel, publiekOrganisatie: organisatie, publiekRol: rol, categorieen: [...new Set(invoer.categorieen)].sort(), geldigTot };
}
