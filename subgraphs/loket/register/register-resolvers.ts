/**
 * Resolvers of the shared WSP contact register: registering contacts and assigning accountmanagers
 * (role `accountmanager`, employers of its regions, activity `werkgeverscontact-registreren`), each
 * write once per idempotency key and audited in the same transaction; an employer's contacts and
 * accountmanager; the double approaches of a region.
 */
import type { GraphQLError } from 'graphql';
import { referentie, type RegioRef } from '../../../schema/referentie/gemeenten.js';
import { werkgeverBetrokkene } from '../../logboek/client.js';
import { auditUnavailable, forbidden } from '../../kit/access/access-errors.js';
import { AuditUnavailableError } from '../../kit/access/audit-trail.js';
import { badInput } from '../../kit/errors.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { pageSize } from '../store/keyset-page.js';
import { requireRegio } from '../toegang/regio.js';
import { toewijzingById, vorigeToewijzing, wijsToe, type AccountmanagerModel } from './accountmanager-store.js';
import { checkAccountmanagerInvoer, checkContactmomentInvoer, checkSleutel } from './contact-invoer.js';
import { andereBenaderingen, contactmomentById, contactmomentenInPeriode, slaContactOp, type ContactmomentModel } from './contact-store.js';
import { dubbeleBenaderingen } from './dubbele-benaderingen.js';
import { eenmalig, type Tx } from './idempotentie.js';

const VERWERKING = 'werkgeverscontact-registreren';

/** The writing actor's organisation, after checking the purpose and that the employer is theirs to serve. */
async function mayWrite(ctx: Context, kvkNummer: string, veld: string): Promise<{ organisatie: string; regioCode: string; gemeenteCode: string; actor: string }> {
  const { purpose, actor } = ctx.access;
  if (!purpose.ok) throw forbidden(`${veld}: ${purpose.reason}`, 'DOELBINDING', veld);
  if (purpose.purpose.verwerking !== VERWERKING) throw forbidden(`${veld}: contacts are registered under x-verwerking "${VERWERKING}"`, 'DOELBINDING', veld);
  if (!actor?.organisatie) throw forbidden(`${veld}: the token names no organisatie`, 'ROL', veld);
  const werkgever = await ctx.loaders.werkgever.load(kvkNummer);
  if (!werkgever) throw badInput(`invoer.werkgever: no partner knows an employer with KvK number ${kvkNummer}`, 'invoer.werkgever');
  const besluit = await ctx.besluiten.werkgever.load(kvkNummer);
  if (!besluit.toegestaan) throw forbidden(`${veld}: ${besluit.weigering?.melding ?? 'not allowed'}`, besluit.weigering?.reden ?? 'ROL', veld);
  return { organisatie: actor.organisatie, regioCode: werkgever.regioCode, gemeenteCode: werkgever.gemeenteCode, actor: actor.sub };
}

/** Runs a write and its audit record in one transaction: a write the logboek could not record is not stored. */
async function audited<T>(ctx: Context, kvkNummer: string, veld: string, write: (tx: Tx) => Promise<T>): Promise<T> {
  const audit = ctx.access.audit;
  if (!audit) throw new Error(`${veld}: no audit trail`);
  try {
    return await ctx.db.transaction(async (tx) => {
      const result = await write(tx);
      await audit.record(werkgeverBetrokkene(kvkNummer), veld);
      return result;
    });
  } catch (error) {
    if (error instanceof AuditUnavailableError) throw auditUnavailable(error.message.replace('this read', 'this write'), veld) as GraphQLError;
    throw error;
  }
}

function mustExist<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} vanished from the register`);
  return value;
}

function regio(code: string): RegioRef {
  const gevonden = referentie().regio(code);
  if (!gevonden) throw new Error(`register holds unknown arbeidsmarktregio ${code}`);
  return gevonden;
}

export const registerResolvers: Pick<Resolvers, 'Mutation' | 'Contactmoment' | 'Levering' | 'Accountmanager' | 'DubbeleBenadering'> & {
  Werkgever: Pick<NonNullable<Resolvers['Werkgever']>, 'contactmomenten' | 'accountmanager'>;
  Arbeidsmarktregio: Pick<NonNullable<Resolvers['Arbeidsmarktregio']>, 'dubbeleBenaderingen'>;
} = {
  Mutation: {
    registreerContactmoment: async (_, { invoer, idempotentieSleutel }, ctx) => {
      const veld = 'Mutation.registreerContactmoment';
      const sleutel = checkSleutel(idempotentieSleutel);
      const contact = checkContactmomentInvoer(invoer);
      const wie = await mayWrite(ctx, contact.kvkNummer, veld);
      const vensterDagen = ctx.register.venster(wie.regioCode);
      const resultaat = await audited(ctx, contact.kvkNummer, veld, async (tx) => {
        const { waarde, herhaald } = await eenmalig<ContactmomentModel>(
          tx,
          { organisatie: wie.organisatie, sleutel, operatie: 'registreerContactmoment', inhoud: contact },
          async () => {
            const id = await slaContactOp(tx, { contact, regioCode: wie.regioCode, gemeenteCode: wie.gemeenteCode, organisatie: wie.organisatie, sleutel, actor: wie.actor, doel: ctx.register.leveringsdoel(wie.organisatie) });
            return { id, waarde: mustExist(await contactmomentById(tx, id), id) };
          },
          async (id) => mustExist(await contactmomentById(tx, id), id),
        );
        const dubbeleBenadering = await andereBenaderingen(tx, waarde.kvkNummer, waarde.organisatie, waarde.datum, vensterDagen, waarde.id);
        return { contactmoment: waarde, herhaald, dubbeleBenadering, vensterDagen };
      });
      if (!resultaat.herhaald) ctx.register.outbox?.kick();
      return resultaat;
    },
    wijsAccountmanagerToe: async (_, { invoer, idempotentieSleutel }, ctx) => {
      const veld = 'Mutation.wijsAccountmanagerToe';
      const sleutel = checkSleutel(idempotentieSleutel);
      const toewijzing = checkAccountmanagerInvoer(invoer);
      const wie = await mayWrite(ctx, toewijzing.kvkNummer, veld);
      return audited(ctx, toewijzing.kvkNummer, veld, async (tx) => {
        const { waarde, herhaald } = await eenmalig<AccountmanagerModel>(
          tx,
          { organisatie: wie.organisatie, sleutel, operatie: 'wijsAccountmanagerToe', inhoud: toewijzing },
          async () => {
            const id = await wijsToe(tx, { ...toewijzing, regioCode: wie.regioCode, organisatie: wie.organisatie, actor: wie.actor });
            return { id, waarde: mustExist(await toewijzingById(tx, id), id) };
          },
          async (id) => mustExist(await toewijzingById(tx, id), id),
        );
        return { accountmanager: waarde, herhaald, vorige: (await vorigeToewijzing(tx, waarde.id)) ?? null };
      });
    },
  },
  Werkgever: {
    contactmomenten: (werkgever, { first }, ctx) => ctx.loaders.contactmomenten.load({ kvkNummer: werkgever.kvkNummer, first: pageSize(first) }),
    accountmanager: (werkgever, _, ctx) => ctx.loaders.accountmanager.load({ kvkNummer: werkgever.kvkNummer, regioCode: werkgever.regioCode }),
  },
  Arbeidsmarktregio: {
    dubbeleBenaderingen: (regio, { van, tot, minOrganisaties, first, after }, ctx) => {
      requireRegio(ctx.access.actor, regio.code, 'Arbeidsmarktregio.dubbeleBenaderingen');
      return dubbeleBenaderingen(ctx.db, { regioCode: regio.code, van: String(van), tot: String(tot), minOrganisaties: minOrganisaties ?? 2, first: pageSize(first), after });
    },
  },
  DubbeleBenadering: {
    werkgever: async (benadering, _, ctx) => mustExist((await ctx.loaders.werkgever.load(benadering.kvkNummer)) ?? undefined, benadering.kvkNummer),
    contactmomenten: async (benadering, _, ctx) => {
      const werkgever = await ctx.loaders.werkgever.load(benadering.kvkNummer);
      return werkgever ? contactmomentenInPeriode(ctx.db, benadering.kvkNummer, werkgever.regioCode, benadering.van, benadering.tot) : [];
    },
  },
  Contactmoment: {
    werkgever: async (contact, _, ctx) => mustExist((await ctx.loaders.werkgever.load(contact.kvkNummer)) ?? undefined, contact.kvkNummer),
    arbeidsmarktregio: (contact) => regio(contact.regioCode),
  },
  Levering: {
    reden: (levering) => levering.laatsteFout,
  },
  Accountmanager: {
    arbeidsmarktregio: (accountmanager) => regio(accountmanager.regioCode),
  },
};

