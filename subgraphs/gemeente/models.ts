/**
 * The model types behind the gemeente subgraph's GraphQL types (see `codegen-mappers.json`): entity
 * references carry only their key; the gemeente objects are the adapter's canonical records.
 */
export type {
  GemeenteDossier as GemeenteDossierModel,
  GemeenteWerkgeverRelatie as GemeenteWerkgeverRelatieModel,
  WspVacature as WspVacatureModel,
} from '../../adapters/gemeente/index.js';

export type { KandidaatRef, WerkgeverRef, VacatureRef, GemeenteRef } from '../kit/entity-refs.js';
