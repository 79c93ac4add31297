/**
 * Resolvers of the SW-bedrijf subgraph. References resolve to themselves (with the access decision
 * `toegang` the router passes along); the owned fields load
 * through the per-request batch loaders, so a page of 50 candidates costs one download per
 * SW-bedrijf. Partner errors thrown by the loaders become GraphQL errors in `subgraphs/kit`.
 */
import type { Resolvers } from './generated/resolvers-types.js';

export const resolvers: Resolvers = {
  Kandidaat: {
    __resolveReference: (reference) => reference,
    swDienstverband: (kandidaat, _args, { loaders }) => loaders.medewerker.load(kandidaat.id),
  },
  Werkgever: {
    __resolveReference: (reference) => reference,
    swDetacheringen: (werkgever, _args, { loaders }) => loaders.detacheringen.load(werkgever.kvkNummer),
  },
  SwDienstverband: {
    gedetacheerdBij: (dienstverband) => (dienstverband.gedetacheerdBijKvk ? { kvkNummer: dienstverband.gedetacheerdBijKvk } : null),
  },
};
