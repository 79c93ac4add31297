/**
 * The adapter's key registries (public id → source system + partner key), filled while reading the
 * lists. Identity comes first: a record whose key and BSN (or KvK, or vacancy identity) are readable
 * is registered even when the rest of it is malformed, so a later lookup reports the bad field
 * instead of answering "unknown".
 */
import { KeyRegistry } from '../kit/key-registry.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import { vacatureIdVan } from './map.js';
import { KlantIdentiteit, VacatureIdentiteit, WerkgeverIdentiteit } from './payload-schemas.js';

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

export function registerKlanten(registry: KeyRegistry, bronSysteem: string, raws: readonly unknown[], pseudonymize: Pseudonymize): void {
  for (const raw of raws) {
    const identiteit = KlantIdentiteit.safeParse(raw);
    if (identiteit.success) registry.add(pseudonymize(identiteit.data.bsn), { bronSysteem, sleutel: identiteit.data.klantnummer });
  }
}

export function registerWerkgevers(registry: KeyRegistry, bronSysteem: string, raws: readonly unknown[]): void {
  for (const raw of raws) {
    const identiteit = WerkgeverIdentiteit.safeParse(raw);
    if (identiteit.success) registry.add(identiteit.data.kvk_nummer, { bronSysteem, sleutel: identiteit.data.kvk_nummer });
  }
}

export function registerVacatures(registry: KeyRegistry, bronSysteem: string, raws: readonly unknown[]): void {
  for (const raw of raws) {
    const identiteit = VacatureIdentiteit.safeParse(raw);
    if (identiteit.success) registry.add(vacatureIdVan(identiteit.data), { bronSysteem, sleutel: identiteit.data.nummer });
  }
}
