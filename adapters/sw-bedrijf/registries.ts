/**
 * What the adapter learns while reading the SW-bedrijven's lists: which company employs a person
 * (pseudonym → company + personeelsnummer) and which companies know an employer (KvK → companies).
 */
import { KeyRegistry } from '../kit/key-registry.js';

export interface SwRegistries {
  medewerkers: KeyRegistry;
  werkgevers: KeyRegistry;
}

export function createSwRegistries(): SwRegistries {
  return { medewerkers: new KeyRegistry(), werkgevers: new KeyRegistry() };
}
