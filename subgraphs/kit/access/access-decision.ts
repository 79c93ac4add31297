/**
 * Access decisions (toegangsbesluiten) about one entity, made by the loket — which knows each person's
 * client organisations, region and consents, and each employer's region — and handed to the partner
 * subgraphs through federation (`toegang` is an inaccessible key field that the partner fields
 * `@requires`). A decision is signed (HMAC-SHA256 with TOEGANG_SLEUTEL, shared by the subgraphs only)
 * and bound to everything it was made for: the entity, the whole actor (sub, rol, organisatie, regios,
 * kvk), the purpose pair, the client request (the router's request id from the service token) and a
 * short expiry. A partner subgraph accepts it only when all of these are those of its own request, so
 * a decision cannot be forged, widened, or replayed with another token, purpose or request.
 *
 * Encoding: `<payload>.<signature>`, both base64url without padding. Only the canonical encoding is
 * accepted (a signature whose unused low bits are set decodes to the same bytes, so it would otherwise
 * be a second valid spelling of the same decision).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../kit/auth/actor.js';
import type { Reden } from './access-errors.js';
import type { Purpose } from './purpose.js';

/** Why (part of) an entity is withheld: the reason code and a message for the client. */
export interface Weigering {
  reden: Reden;
  melding: string;
}

/** The actor a decision was made for: every claim that access depends on. */
export interface ActorBinding {
  sub: string;
  rol: string;
  organisatie: string | null;
  /** Sorted. */
  regios: string[];
  kvk: string | null;
}

interface BesluitBasis {
  /** The kandidaat's pseudonym or the employer's KvK number. */
  id: string;
  actor: ActorBinding;
  /** The purpose pair of the request (null: none given). */
  doel: Purpose | null;
  /** The client request (router request id) the decision was made in. */
  verzoek: string | null;
  /** Expiry, epoch milliseconds. */
  verloopt: number;
}

/** What an actor may see of one kandidaat: the personal-data categories granted, or why none. */
export interface KandidaatBesluit extends BesluitBasis {
  soort: 'Kandidaat';
  /** Personal-data categories (`@persoonsgegevens(categorie:)`) the actor may read. */
  categorieen: string[];
  /** Why categories are withheld, for the error the client gets. */
  weigering?: Weigering;
}

/** Whether an actor may see the partner-held details of one employer. */
export interface WerkgeverBesluit extends BesluitBasis {
  soort: 'Werkgever';
  toegestaan: boolean;
  weigering?: Weigering;
}

export type Toegangsbesluit = KandidaatBesluit | WerkgeverBesluit;

/** Decisions live for one request; this bounds how long a captured one is worth anything. */
export const BESLUIT_GELDIG_MS = 60_000;

/** TOEGANG_SLEUTEL signs and verifies; TOEGANG_SLEUTEL_EXTRA (during a rotation) only verifies. */
export interface ToegangSleutels {
  sleutel: string;
  extra?: string;
}

export interface DecisionSigner {
  sign(besluit: Toegangsbesluit): string;
  /** The decision, when a key's signature holds, the encoding is canonical and it has not expired; otherwise undefined. */
  verify(token: unknown, now?: number): Toegangsbesluit | undefined;
}

export const MIN_TOEGANG_SLEUTEL_LENGTH = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function createDecisionSigner(keys: ToegangSleutels): DecisionSigner {
  const all = [keys.sleutel, ...(keys.extra === undefined ? [] : [keys.extra])];
  for (const key of all) if (key.length < MIN_TOEGANG_SLEUTEL_LENGTH) throw new Error(`TOEGANG_SLEUTEL must be at least ${MIN_TOEGANG_SLEUTEL_LENGTH} characters`);
  const mac = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(besluit) {
      const payload = Buffer.from(JSON.stringify(besluit)).toString('base64url');
      return `${payload}.${mac(keys.sleutel, payload).toString('base64url')}`;
    },
    verify(token, now = Date.now()) {
      if (typeof token !== 'string') return undefined;
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined || !isCanonicalBase64url(payload) || !isCanonicalBase64url(signature)) return undefined;
      const given = Buffer.from(signature, 'base64url');
      const signed = all.some((key) => {
        const expected = mac(key, payload);
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
      if (!signed) return undefined;
      let besluit: Toegangsbesluit;
      try {
        besluit = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Toegangsbesluit;
      } catch {
        return undefined;
      }
      return typeof besluit.verloopt === 'number' && besluit.verloopt > now ? besluit : undefined;
    },
  };
}

/** Unpadded base64url that re-encodes to itself (no stray low bits in the last character). */
function isCanonicalBase64url(text: string): boolean {
  return BASE64URL.test(text) && text.length % 4 !== 1 && Buffer.from(text, 'base64url').toString('base64url') === text;
}

/** The claims of `actor` a decision is bound to. */
export function actorBinding(actor: Actor): ActorBinding {
  return { sub: actor.sub, rol: actor.rol, organisatie: actor.organisatie ?? null, regios: [...actor.regios].sort(), kvk: actor.kvkNummer ?? null };
}

/** Whether a decision was made for exactly this actor, purpose and request. */
export function boundTo(besluit: Toegangsbesluit, actor: Actor, doel: Purpose | null, verzoek: string | null): boolean {
  const a = besluit.actor;
  const b = actorBinding(actor);
  return (
    typeof a === 'object' &&
    a !== null &&
    a.sub === b.sub &&
    a.rol === b.rol &&
    a.organisatie === b.organisatie &&
    a.kvk === b.kvk &&
    Array.isArray(a.regios) &&
    a.regios.join(',') === b.regios.join(',') &&
    (besluit.doel?.doelbinding ?? null) === (doel?.doelbinding ?? null) &&
    (besluit.doel?.verwerking ?? null) === (doel?.verwerking ?? null) &&
    verzoek !== null &&
    besluit.verzoek === verzoek
  );
}
