/**
 * Model types behind the uwv subgraph's GraphQL types (see `codegen-mappers.json`): entity
 * references as the gateway sends them, and the adapter's canonical records for the UWV types.
 */
export type { UwvKlant as UwvDossierModel, UwvWerkgeverRelatie as UwvWerkgeverRelatieModel, WerkNlVacature as WerkNlVacatureModel } from '../../adapters/uwv/index.js';

export type { KandidaatRef, WerkgeverRef, VacatureRef } from '../kit/entity-refs.js';
