/**
 * The client other subgraphs use to write to the logboek: it posts `vastleggen` straight to the
 * logboek subgraph (not through the gateway) with the Authorization header of the request being
 * served, so the logboek records the actor of that token, and with a service token of the calling
 * subgraph for that request (the logboek takes writes from the subgraphs only, and records the client
 * request id from it). It resolves only when the logboek confirmed every record; anything else is a
 * LogboekUnavailableError, and the caller must then withhold the personal data. Messages never contain
 * the token or the records.
 */
import { bearerTokenOf } from '../../kit/auth/token-verifier.js';
import { budgetMs } from '../../kit/deadline.js';
import { DIENST_TOKEN_HEADER, type DienstTokenMinter } from '../../kit/service-identity/service-token.js';
import type { AuditAanroep } from '../kit/access/audit-trail.js';
import type { MutationVastleggenArgs } from './generated/resolvers-types.js';

/** The data subject of a write to the WSP contact register: the employer, `wg_` and its KvK number (never a person's data). */
export const WERKGEVER_BETROKKENE = /^wg_\d{8}$/;

export function werkgeverBetrokkene(kvkNummer: string): string {
  return `wg_${kvkNummer}`;
}

/** One record to write: an LDV processing operation on the personal data of one data subject. */
export interface VerwerkingRecord {
  /** LDV `trace_id`: 32 lowercase hex digits, not all zero (W3C Trace Context). */
  traceId: string;
  /** LDV `span_id`: 16 lowercase hex digits, not all zero; one per data subject. */
  spanId: string;
  /** LDV `parent_span_id`: the caller's span in the same trace (from `traceparent`). */
  parentSpanId?: string | null;
  /** LDV `name`: the operation, 1–200 characters. */
  naam: string;
  /** LDV `start_time`, ISO 8601 with offset (`new Date().toISOString()`). */
  startTijd: string;
  /** LDV `end_time`, not before `startTijd`. */
  eindTijd: string;
  /** LDV `status_code`. */
  status: 'OK' | 'ERROR' | 'UNSET';
  /** The service that logs, e.g. `een-loket/uwv`. */
  resource: string;
  /** The processing activity: the request's `x-verwerking` header. */
  verwerkingsactiviteit: string;
  /** The purpose: the request's `x-doelbinding` header. */
  doelbinding: string;
  /** The data subject's pseudonym (`Kandidaat.id`); never a BSN. */
  betrokkene: string;
  /** Field coordinates read about the data subject, e.g. `Kandidaat.uwvDossier`; at least one. */
  velden: string[];
  /** LDV `foreign_operation`: the other organisation's trace and span, and its URI, when known. */
  foreignOperation?: { traceId: string; spanId: string; entity: string } | null;
}

export interface LogboekClientOptions {
  /** The logboek subgraph's GraphQL endpoint, e.g. `http://127.0.0.1:4007/` (LOGBOEK_SUBGRAPH_URL). */
  url: string;
  /** Per call; default 5000 ms. */
  timeoutMs?: number;
  /** Signs this subgraph's service token for each write; without it every write fails. */
  minter?: DienstTokenMinter;
}

export interface LogboekClient {
  /**
   * Writes the records (all or nothing) as the actor of `aanroep.authorization` (the request's
   * `Authorization` header, passed on unchanged) for client request `aanroep.verzoek`; resolves once
   * the logboek confirmed all of them.
   */
  vastleggen(records: readonly VerwerkingRecord[], aanroep: AuditAanroep): Promise<void>;
}

/** The logboek did not confirm a write: unreachable, too slow, an error, or fewer records written. */
export class LogboekUnavailableError extends Error {
  readonly code = 'LOGBOEK_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LogboekUnavailableError';
  }
}

export const DEFAULT_LOGBOEK_TIMEOUT_MS = 5_000;

const VASTLEGGEN = 'mutation Vastleggen($verwerkingen: [VerwerkingInput!]!) { vastleggen(verwerkingen: $verwerkingen) { aantal } }';

interface GraphQLAnswer {
  data?: { vastleggen?: { aantal?: unknown } | null } | null;
  errors?: { message?: unknown; extensions?: { code?: unknown; argument?: unknown } }[];
}

export function createLogboekClient(options: LogboekClientOptions): LogboekClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGBOEK_TIMEOUT_MS;
  const where = describeUrl(options.url);
  const fail = (count: number, cause: string, error?: unknown) =>
    new LogboekUnavailableError(`logboek at ${where} did not confirm ${count} record(s): ${cause}`, error === undefined ? undefined : { cause: error });

  return {
    async vastleggen(records, { authorization, verzoek }) {
      if (records.length === 0) return;
      if (!options.minter) throw fail(records.length, 'this part has no service key to write with (DIENST_SLEUTEL)');
      const dienstToken = await options.minter.mint('logboek', verzoek, bearerTokenOf(authorization));
      const variables: MutationVastleggenArgs = { verwerkingen: records.map((r) => ({ ...r, parentSpanId: r.parentSpanId ?? null, foreignOperation: r.foreignOperation ?? null })) };
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization, [DIENST_TOKEN_HEADER]: dienstToken },
          body: JSON.stringify({ query: VASTLEGGEN, variables }),
          signal: AbortSignal.timeout(budgetMs(timeoutMs)),
        });
      } catch (error) {
        throw fail(records.length, describeFetchError(error, timeoutMs), error);
      }
      let answer: GraphQLAnswer | undefined;
      try {
        answer = (await response.json()) as GraphQLAnswer;
      } catch (error) {
        if (response.ok) throw fail(records.length, `HTTP ${response.status} without a GraphQL answer`, error);
      }
      const firstError = answer?.errors?.[0];
      if (!response.ok || firstError) {
        const status = response.ok ? '' : `HTTP ${response.status}`;
        throw fail(records.length, [status, firstError && describeGraphQLError(firstError)].filter(Boolean).join(', '));
      }
      const aantal = answer?.data?.vastleggen?.aantal;
      if (aantal !== records.length) throw fail(records.length, `it confirmed ${typeof aantal === 'number' ? aantal : 'no'} record(s)`);
    },
  };
}

/** The endpoint without credentials, query or fragment, for messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}

/**
 * `CODE (argument): message` of a GraphQL error. graphql-js quotes an invalid variable's value in its
 * message; that value (part of a record) is left out.
 */
function describeGraphQLError(error: NonNullable<GraphQLAnswer['errors']>[number]): string {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'error';
  const argument = typeof error.extensions?.argument === 'string' ? ` (${error.extensions.argument})` : '';
  const message = typeof error.message === 'string' ? error.message.replace(/got invalid value [\s\S]*?(?=; | at "|$)/, 'got an invalid value').slice(0, 300) : '';
  return `${code}${argument}: ${message}`;
}
