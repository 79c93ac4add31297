/**
 * Resolvers of the uwv subgraph. Entity references resolve to themselves (their key); each UWV
 * field loads through the request's batch loaders, so 50 references cost one UWV call per service.
 * A malformed or unreachable UWV record makes that field null with an error naming UWV.
 */
import type { Resolvers } from './generated/resolvers-types.js';
import { volledigeNaam } from './naam.js';

export const resolvers: Resolvers = {
  Kandidaat: {
    __resolveReference: (reference) => reference,
    uwvDossier: (kandidaat, _args, { loaders }) => loaders.klant.load(kandidaat.id),
  },
  Werkgever: {
    __resolveReference: (reference) => reference,
    uwvRelatie: (werkgever, _args, { loaders }) => loaders.werkgever.load(werkgever.kvkNummer),
  },
  Vacature: {
    __resolveReference: (reference) => reference,
    werkNl: (vacature, _args, { loaders }) => loaders.vacature.load(vacature.id),
  },
  UwvDossier: {
    naam: (klant) => volledigeNaam(klant),
    beschutWerkIndicatie: (klant) => klant.beschutWerk,
    gewenstBeroep: (klant) => klant.beroepscode,
  },
};
