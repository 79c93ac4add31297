/**
 * Resolvers of consent (toestemming): registering and withdrawing it, and reading a person's
 * consents. Only the klantmanager of an organisation that has the person as its client may, under the
 * activity `toestemming-beheren`; the change and its audit record are one transaction, so a change
 * the logboek could not record is not stored either.
 */
import type { GraphQLError } from 'graphql';
import { auditUnavailable, forbidden } from '../../kit/access/access-errors.js';
import { AuditUnavailableError } from '../../kit/access/audit-trail.js';
import { badInput } from '../../kit/errors.js';
import type { Database } from '../../kit/store/database.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { checkToestemmingInvoer } from './toestemming-invoer.js';
import { registreerToestemming, toestemmingById, trekToestemmingIn, type ToestemmingModel } from './toestemming-store.js';

const VERWERKING = 'toestemming-beheren';

/** Refuses unless the actor manages this person's consent under the right activity. */
async function mayManageConsent(ctx: Context, kandidaatId: string, veld: string): Promise<void> {
  const { purpose } = ctx.access;
  if (!purpose.ok) throw forbidden(`${veld}: ${purpose.reason}`, 'DOELBINDING', veld);
  if (purpose.purpose.verwerking !== VERWERKING) throw forbidden(`${veld}: consent is managed under x-verwerking "${VERWERKING}"`, 'DOELBINDING', veld);
  const besluit = await ctx.besluiten.kandidaat.load(kandidaatId);
  if (!besluit.categorieen.includes('TOESTEMMING')) {
    throw forbidden(`${veld}: ${besluit.weigering?.melding ?? 'not allowed'}`, besluit.weigering?.reden ?? 'GEEN_KLANTRELATIE_OF_TOESTEMMING', veld);
  }
}

/** Runs a consent change and records it in the audit log in one transaction. */
async function audited(ctx: Context, kandidaatId: string, veld: string, change: (tx: Pick<Database, 'query'>) => Promise<ToestemmingModel | undefined>): Promise<ToestemmingModel | undefined> {
  const audit = ctx.access.audit;
  if (!audit) throw new Error(`${veld}: no audit trail`);
  try {
    return await ctx.db.transaction(async (tx) => {
      const result = await change(tx);
      await audit.record(kandidaatId, veld);
      return result;
    });
  } catch (error) {
    if (error instanceof AuditUnavailableError) throw auditUnavailable(error.message, veld) as GraphQLError;
    throw error;
  }
}

export const toestemmingResolvers: Pick<Resolvers, 'Mutation' | 'Toestemming'> & { Kandidaat: Pick<NonNullable<Resolvers['Kandidaat']>, 'toestemmingen'> } = {
  Mutation: {
    registreerToestemming: async (_, { invoer }, ctx) => {
      const nieuw = checkToestemmingInvoer(invoer);
      if (!(await ctx.loaders.kandidaat.load(nieuw.kandidaatId))) throw badInput('invoer.kandidaat is not in the loket index', 'invoer.kandidaat');
      const veld = 'Mutation.registreerToestemming';
      await mayManageConsent(ctx, nieuw.kandidaatId, veld);
      const actor = ctx.access.actor!;
      return (await audited(ctx, nieuw.kandidaatId, veld, (tx) => registreerToestemming(tx, { ...nieuw, organisatie: actor.organisatie ?? actor.rol, actor: actor.sub }))) ?? null;
    },
    trekToestemmingIn: async (_, { id }, ctx) => {
      const bestaand = await toestemmingById(ctx.db, id);
      if (!bestaand) throw badInput(`id: no consent ${id.slice(0, 60)}`, 'id');
      const veld = 'Mutation.trekToestemmingIn';
      await mayManageConsent(ctx, bestaand.kandidaatId, veld);
      return (await audited(ctx, bestaand.kandidaatId, veld, (tx) => trekToestemmingIn(tx, id, ctx.access.actor!.sub))) ?? null;
    },
  },
  Kandidaat: {
    toestemmingen: (kandidaat, _, ctx) => ctx.loaders.toestemmingen.load(kandidaat.id),
  },
  Toestemming: {
    kandidaat: async (toestemming, _, ctx) => {
      const kandidaat = await ctx.loaders.kandidaat.load(toestemming.kandidaatId);
      if (!kandidaat) throw new Error(`consent ${toestemming.id} names a person no longer in the index`);
      return kandidaat;
    },
    actief: (toestemming) => toestemming.ingetrokkenOp === null && new Date(toestemming.geldigTot).getTime() > Date.now(),
  },
};
