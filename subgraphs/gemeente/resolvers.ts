/**
 * Resolvers of the gemeente subgraph. Entity references are returned as they come (they carry the
 * key); the gemeente fields load through the request's batch loaders, so 50 candidates cost one
 * call per gemeente system, not 50.
 */
import type { Resolvers } from './generated/resolvers-types.js';

export const resolvers: Resolvers = {
  Kandidaat: {
    __resolveReference: (reference) => reference,
    gemeenteDossier: (kandidaat, _args, { loaders }) => loaders.klant.load(kandidaat.id),
  },
  Werkgever: {
    __resolveReference: (reference) => reference,
    gemeenteRelaties: (werkgever, _args, { loaders }) => loaders.werkgeverRelaties.load(werkgever.kvkNummer),
  },
  Vacature: {
    __resolveReference: (reference) => reference,
    wspVacature: (vacature, _args, { loaders }) => loaders.vacature.load(vacature.id),
  },
  GemeenteDossier: {
    gemeente: (dossier) => ({ code: dossier.gemeenteCode }),
  },
  GemeenteWerkgeverRelatie: {
    gemeente: (relatie) => ({ code: relatie.gemeenteCode }),
  },
  WspVacature: {
    gemeente: (vacature) => ({ code: vacature.gemeenteCode }),
  },
};
