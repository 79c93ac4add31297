/**
 * The adapter's key registries (public id → source system + partner key), filled while reading the
 * lists. Identity comes first (`validateIdentifiedFor`): a record whose key and BSN (or KvK, or
 * vacancy identity) are readable is registered even when the rest of it is malformed, so a later
 * lookup reports the bad field instead of answering "unknown".
 */
import type { z } from 'zod';
import { KeyRegistry } from '../kit/key-registry.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { vacatureIdVan } from './map.js';
import type { KlantIdentiteit, VacatureIdentiteit, WerkgeverIdentiteit } from './payload-schemas.js';

export interface GemeenteRegistries {
  /** Pseudonym → system + klantnummer. */
  klanten: KeyRegistry;
  /** KvK number → every system that knows the employer. */
  werkgevers: KeyRegistry;
  /** Public vacancy id → system + vacancy number. */
  vacatures: KeyRegistry;
}

export function createRegistries(): GemeenteRegistries {
  return { klanten: new KeyRegistry(), werkgevers: new KeyRegistry(), vacatures: new KeyRegistry() };
}

export function registerKlanten(registry: KeyRegistry, bronSysteem: string, identiteiten: readonly z.output<typeof KlantIdentiteit>[], pseudonymize: Pseudonymize): void {
  for (const { bsn, klantnummer } of identiteiten) registry.add(pseudonymize(bsn), { bronSysteem, sleutel: klantnummer });
}

export function registerWerkgevers(registry: KeyRegistry, bronSysteem: string, identiteiten: readonly z.output<typeof WerkgeverIdentiteit>[]): void {
  for (const { kvk_nummer } of identiteiten) registry.add(kvk_nummer, { bronSysteem, sleutel: kvk_nummer });
}

export function registerVacatures(registry: KeyRegistry, bronSysteem: string, identiteiten: readonly z.output<typeof VacatureIdentiteit>[]): void {
  for (const identiteit of identiteiten) registry.add(vacatureIdVan(identiteit), { bronSysteem, sleutel: identiteit.nummer });
}
