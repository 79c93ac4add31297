/**
 * Resolvers of the werkgeversvereniging subgraph. References resolve to themselves; every field
 * loads through the per-request loaders, so 50 employers cost one call to the association. A
 * malformed or unreachable record surfaces as an error on the field (see `subgraphs/kit/errors.ts`).
 */
import type { Resolvers } from './generated/resolvers-types.js';

export const resolvers: Resolvers = {
  Werkgever: {
    __resolveReference: (reference) => reference,
    lidmaatschap: async ({ kvkNummer }, _args, { loaders }) => (await loaders.werkgever.load(kvkNummer))?.lidmaatschap ?? null,
    sbiCode: async ({ kvkNummer }, _args, { loaders }) => (await loaders.werkgever.load(kvkNummer))?.sbiCode ?? null,
    sector: async ({ kvkNummer }, _args, { loaders }) => (await loaders.werkgever.load(kvkNummer))?.sector ?? null,
    werkleerplekken: async ({ kvkNummer }, _args, { loaders }) => (await loaders.werkgever.load(kvkNummer))?.werkleerplekken ?? null,
  },
  Vacature: {
    __resolveReference: (reference) => ({ id: reference.id }),
    brancheVacature: ({ id }, _args, { loaders }) => loaders.vacature.load(id),
  },
};
