/**
 * What the SW-bedrijf resolvers pass around: entity references as the gateway sends them (the key
 * only); the canonical records come from the adapter.
 */
export type { KandidaatRef, WerkgeverRef } from '../kit/entity-refs.js';
