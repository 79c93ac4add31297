/**
 * What the werkgeversvereniging resolvers pass around: entity references (the representation the
 * gateway sends, key only) and the adapter's canonical records behind the object types.
 */
import type { WvLidmaatschap, WvVacature } from '../../adapters/werkgeversvereniging/index.js';

export type LidmaatschapModel = WvLidmaatschap;

export type BrancheVacatureModel = WvVacature;

export type { WerkgeverRef, VacatureRef } from '../kit/entity-refs.js';
