/**
 * Enforces the SDL's access rules (see access-rules.ts) in the subgraph runtime by wrapping the
 * resolvers of every field that declares one. Runs in every subgraph, so the rules hold whichever
 * federation router serves the supergraph. A refused field resolves to an error (null in the
 * response, `extensions.code` FORBIDDEN and the reason); a personal-data field needs a purpose whose
 * activity covers its category; an allowed personal-data field is returned only after its read is
 * recorded in the audit log.
 */
import { defaultFieldResolver, type DocumentNode, type GraphQLFieldResolver } from 'graphql';
import type { AccessContext } from './access-context.js';
import { boundTo, type Toegangsbesluit } from './access-decision.js';
import { auditUnavailable, forbidden, unauthenticated } from './access-errors.js';
import { accessRulesOf, type FieldRule } from './access-rules.js';
import { AuditUnavailableError } from './audit-trail.js';
import { alleenAantallen, beschermAantal, type OnthullingsRegel } from './disclosure-control.js';
import { buitenVerwerking } from './verwerkingsregister.js';

/** Context every subgraph request carries. */
export interface AccessAwareContext {
  access: AccessContext;
  /**
   * The loket decides itself (it holds the facts); partner subgraphs leave this out and verify the
   * signed decision that arrives with the entity (`toegang`).
   */
  besluiten?: { besluit(soort: 'Kandidaat' | 'Werkgever', id: string): Promise<Toegangsbesluit> };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** A copy of `resolvers` with every field that has an access rule wrapped in its enforcement. */
export function withAccessRules(typeDefs: DocumentNode, resolvers: object, regel: OnthullingsRegel): ResolverMap {
  const wrapped: ResolverMap = {};
  for (const [typeName, fields] of Object.entries(resolvers as ResolverMap)) wrapped[typeName] = { ...fields };
  for (const [coordinate, rule] of accessRulesOf(typeDefs)) {
    const fields = (wrapped[rule.typeName] ??= {});
    const inner = (fields[rule.fieldName] as GraphQLFieldResolver<unknown, unknown> | undefined) ?? defaultFieldResolver;
    fields[rule.fieldName] = guarded(coordinate, rule, rule.onthullingscontrole ? protectedCount(coordinate, inner, regel) : inner);
  }
  return wrapped;
}

function guarded(coordinate: string, rule: FieldRule, inner: GraphQLFieldResolver<unknown, AccessAwareContext>): GraphQLFieldResolver<unknown, AccessAwareContext> {
  return async (parent, args, context, info) => {
    const { access } = context;
    const actor = access.actor;
    if (!actor) throw unauthenticated(access.authenticationError);
    if (rule.rollen && !rule.rollen.includes(actor.rol)) {
      throw forbidden(`${coordinate} is not available to rol ${actor.rol} (only ${rule.rollen.join(', ')})`, 'ROL', coordinate);
    }
    if (rule.categorie) {
      if (!access.purpose.ok) throw forbidden(`${coordinate}: ${access.purpose.reason}`, 'DOELBINDING', coordinate);
      // The activity of the request must cover this category of data (verwerkingsregister).
      const buiten = buitenVerwerking(access.purpose.purpose.verwerking, rule.categorie);
      if (buiten) throw forbidden(`${coordinate}: ${buiten}`, 'DOELBINDING', coordinate);
    }
    const subject = rule.perEntiteit || rule.categorie ? entityId(rule.typeName, parent) : undefined;
    if (rule.perEntiteit) {
      if (subject === undefined) throw new Error(`${coordinate}: @toegang(perEntiteit) on a type without an id`);
      const besluit = await decisionFor(rule.typeName as 'Kandidaat' | 'Werkgever', subject, parent, context);
      if (!besluit) throw forbidden(`${coordinate}: the access decision for this ${rule.typeName} is missing, forged or expired`, 'BESLUIT_ONGELDIG', coordinate);
      const refused = besluit.soort === 'Werkgever' ? !besluit.toegestaan : rule.categorie !== undefined && !besluit.categorieen.includes(rule.categorie);
      if (refused) {
        const weigering = besluit.weigering ?? { reden: 'ROL', melding: 'not allowed' };
        throw forbidden(`${coordinate}: ${weigering.melding}`, weigering.reden, coordinate);
      }
    }
    if (!rule.categorie) return inner(parent, args, context, info);

    const audit = access.audit;
    if (!audit || subject === undefined) throw new Error(`${coordinate}: personal data without an audit trail`);
    let value: unknown;
    try {
      value = await inner(parent, args, context, info);
    } catch (error) {
      // The partner was asked about the person: that processing is recorded too, as failed.
      await audit.record(subject, coordinate, 'ERROR').catch(() => {});
      throw error;
    }
    if (value === null || value === undefined) return value;
    try {
      await audit.record(subject, coordinate);
    } catch (error) {
      if (error instanceof AuditUnavailableError) throw auditUnavailable(error.message, coordinate);
      throw error;
    }
    return value;
  };
}

/** A count that a role seeing counts only gets under disclosure control: suppressed when small, else rounded. */
function protectedCount(coordinate: string, inner: GraphQLFieldResolver<unknown, unknown>, regel: OnthullingsRegel): GraphQLFieldResolver<unknown, AccessAwareContext> {
  return async (parent, args, context, info) => {
    const count = await inner(parent, args, context, info);
    const actor = context.access.actor;
    if (typeof count !== 'number' || !actor || !alleenAantallen(actor.rol)) return count;
    const beschermd = beschermAantal(count, regel);
    if (beschermd.onderdrukt) {
      throw forbidden(`${coordinate}: fewer than ${beschermd.drempel}, so not published for rol ${actor.rol} (counts under ${beschermd.drempel} are suppressed, others rounded to multiples of ${beschermd.drempel})`, 'KLEIN_AANTAL', coordinate);
    }
    return beschermd.waarde;
  };
}

function entityId(typeName: string, parent: unknown): string | undefined {
  const entity = parent as { id?: unknown; kvkNummer?: unknown } | null;
  const id = typeName === 'Werkgever' ? entity?.kvkNummer : entity?.id;
  return typeof id === 'string' ? id : undefined;
}

async function decisionFor(soort: 'Kandidaat' | 'Werkgever', id: string, parent: unknown, context: AccessAwareContext): Promise<Toegangsbesluit | undefined> {
  if (context.besluiten) return context.besluiten.besluit(soort, id);
  const { access } = context;
  const besluit = access.signer.verify((parent as { toegang?: unknown }).toegang);
  if (!besluit || besluit.soort !== soort || besluit.id !== id || !access.actor) return undefined;
  // Made for this very actor, purpose and client request, or not at all.
  return boundTo(besluit, access.actor, access.purpose.ok ? access.purpose.purpose : null, access.aanroep?.verzoek ?? null) ? besluit : undefined;
}
