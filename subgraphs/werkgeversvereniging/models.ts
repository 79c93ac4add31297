/**
 * What the werkgeversvereniging resolvers pass around: entity references (the representation the
 * gateway sends, key only) and the adapter's canonical records behind the object types.
 */
import type { WvLidmaatschap, WvVacature } from '../../adapters/werkgeversvereniging/index.js';

/** `Werkgever` as referenced by the gateway. */
export interface WerkgeverRef {
  kvkNummer: string;
}

/** `Vacature` as referenced by the gateway. */
export interface VacatureRef {
  id: string;
}

export type LidmaatschapModel = WvLidmaatschap;

export type BrancheVacatureModel = WvVacature;
