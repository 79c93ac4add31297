/**
 * Per-request context of the logboek subgraph: the actor of the request's verified access token (the
 * actor of every record written; the subgraph kit refuses operations without one), the calling part
 * and the store.
 */
import type { Actor } from '../../kit/auth/actor.js';
import type { DienstAanroep } from '../../kit/service-identity/service-token.js';
import type { Database } from '../kit/store/database.js';

export interface Context {
  /** Undefined only for the router's SDL query, which the kit lets through without a token. */
  actor: Actor | undefined;
  /** The part that called, and the client request it serves (the kit refuses calls without one). */
  aanroep: DienstAanroep | undefined;
  db: Database;
}
