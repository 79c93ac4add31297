/**
 * Resolvers of the logboek subgraph: `verwerkingen` reads the log (who may: `@toegang` in the SDL,
 * enforced by the subgraph kit, not here), `vastleggen` appends to it with the token's actor and the
 * client request of the calling subgraph's service token (which parts may call it: the kit).
 */
import { badInput } from '../kit/errors.js';
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
      // The kit already refuses operations without a valid token and caller; the records need both regardless.
      if (!ctx.actor || !ctx.aanroep) throw unauthenticated(undefined);
      const records = checkVerwerkingen(args.verwerkingen);
      // A subgraph records its own reads only.
      const eigen = `een-loket/${ctx.aanroep.van}`;
      const vreemd = records.findIndex((r) => r.resource !== eigen);
      if (vreemd >= 0) throw badInput(`verwerkingen[${vreemd}].resource must be "${eigen}", the service that calls`, `verwerkingen[${vreemd}].resource`);
      return { aantal: await vastleggen(ctx.db, records, { actor: ctx.actor, verzoek: ctx.aanroep.verzoek }) };
    },
  },
};
