/**
 * Resolvers of the onderwijs subgraph. Entity references resolve to themselves (their key); each
 * onderwijs field loads through the request's batch loaders, so 50 references cost one SBB call per
 * 25 keys. A malformed or unreachable SBB record makes that field null with an error.
 */
import type { Resolvers } from './generated/resolvers-types.js';

export const resolvers: Resolvers = {
  Kandidaat: {
    __resolveReference: (reference) => reference,
    onderwijs: (kandidaat, _args, { loaders }) => loaders.deelnemer.load(kandidaat.id),
  },
  Werkgever: {
    __resolveReference: (reference) => reference,
    leerbedrijf: (werkgever, _args, { loaders }) => loaders.leerbedrijf.load(werkgever.kvkNummer),
  },
  Vacature: {
    __resolveReference: (reference) => reference,
    leerbaan: (vacature, _args, { loaders }) => loaders.leerbaan.load(vacature.id),
  },
};
