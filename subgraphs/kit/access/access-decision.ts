/**
 * Access decisions (toegangsbesluiten) about one entity for one actor, made by the loket — which
 * knows each person's client organisations, region and consents, and each employer's region — and
 * handed to the partner subgraphs through federation (`toegang` is an inaccessible key field that the
 * partner fields `@requires`). The decision is signed (HMAC-SHA256 with TOEGANG_SLEUTEL, shared by the
 * subgraphs only) and bound to the entity, the actor, the purpose and a short expiry, so a router that
 * forwards it cannot change it and a caller who forges an entity representation gets nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Reden } from './access-errors.js';

/** Why (part of) an entity is withheld: the reason code and a message for the client. */
export interface Weigering {
  reden: Reden;
  melding: string;
}

/** What an actor may see of one kandidaat: the personal-data categories granted, or why none. */
export interface KandidaatBesluit {
  soort: 'Kandidaat';
  /** The kandidaat's pseudonym. */
  id: string;
  /** The actor's token subject. */
  actor: string;
  /** The purpose of the request the decision was made for (null: none given). */
  doelbinding: string | null;
  /** Personal-data categories (`@persoonsgegevens(categorie:)`) the actor may read. */
  categorieen: string[];
  /** Why categories are withheld, for the error the client gets. */
  weigering?: Weigering;
  /** Expiry, epoch milliseconds. */
  verloopt: number;
}

/** Whether an actor may see the partner-held details of one employer. */
export interface WerkgeverBesluit {
  soort: 'Werkgever';
  /** KvK number. */
  id: string;
  actor: string;
  toegestaan: boolean;
  weigering?: Weigering;
  verloopt: number;
}

export type Toegangsbesluit = KandidaatBesluit | WerkgeverBesluit;

/** Decisions live for one request; this bounds replay of a captured one. */
export const BESLUIT_GELDIG_MS = 60_000;

/** Used only when no key is configured: fine for the sandbox, refused in production. */
export const DEV_TOEGANG_SLEUTEL = 'een-loket-sandbox-toegangssleutel-niet-voor-productie';

export interface DecisionSigner {
  sign(besluit: Toegangsbesluit): string;
  /** The decision, when the signature holds and it has not expired; otherwise undefined. */
  verify(token: unknown, now?: number): Toegangsbesluit | undefined;
}

export function createDecisionSigner(key: string): DecisionSigner {
  if (key.length < 32) throw new Error('TOEGANG_SLEUTEL must be at least 32 characters');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(besluit) {
      const payload = Buffer.from(JSON.stringify(besluit)).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token, now = Date.now()) {
      if (typeof token !== 'string') return undefined;
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const expected = mac(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const besluit = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Toegangsbesluit;
      return besluit.verloopt > now ? besluit : undefined;
    },
  };
}
