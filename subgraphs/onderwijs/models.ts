/**
 * Model types behind the onderwijs subgraph's GraphQL types: entity references carry only their
 * key; the onderwijs types are the adapter's canonical records (see codegen-mappers.json).
 */
export type {
  OnderwijsGegevens as OnderwijsGegevensModel,
  OnderwijsLeerbaan as LeerbaanModel,
  SbbLeerbedrijf as LeerbedrijfModel,
} from '../../adapters/onderwijs/records.js';

export type { KandidaatRef, WerkgeverRef, VacatureRef } from '../kit/entity-refs.js';
