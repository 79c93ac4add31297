/**
 * Resolvers of the logboek subgraph: `verwerkingen` reads the log (who may: `@toegang` in the SDL,
 * enforced by the subgraph kit, not here), `vastleggen` appends to it with the token's actor.
 */
import { unauthenticated } from '../kit/access/access-errors.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { vastleggen, verwerkingenPage } from './store/verwerkingen.js';
import { checkVerwerkingen, checkVerwerkingenArgs } from './validation.js';

export const resolvers: Resolvers = {
  Query: {
    verwerkingen: (_, args, ctx) => verwerkingenPage(ctx.db, checkVerwerkingenArgs(args)),
  },
  Mutation: {
    vastleggen: async (_, args, ctx) => {
      // The kit already refuses operations without a valid token; the records need the actor regardless.
      if (!ctx.actor) throw unauthenticated(undefined);
      return { aantal: await vastleggen(ctx.db, checkVerwerkingen(args.verwerkingen), ctx.actor) };
    },
  },
};
