/**
 * The audit trail of one request in one subgraph: every read of personal data is recorded before
 * the data is returned. Reads made in the same turn of execution (a page of 50 entities) are written
 * in one call to the logboek, one record per data subject with every field read of that person, and
 * each read waits for the logboek's confirmation: when the write fails, the caller gets an error
 * instead of the data, so no personal data leaves without its record.
 */
import { randomBytes } from 'node:crypto';
import type { VerwerkingRecord } from '../../logboek/client.js';
import type { Purpose } from './purpose.js';

/** One LDV-shaped record, as the logboek's `vastleggen` takes it (the actor comes from the token). */
export type AuditRecord = VerwerkingRecord;

/** The request a batch of records belongs to: its user token (the actor) and its client request id. */
export interface AuditAanroep {
  /** The request's own Authorization header, passed on unchanged. */
  authorization: string;
  verzoek: string | null;
}

/** Where records go: the logboek, called with the request's own Authorization header and request id. */
export interface AuditSink {
  vastleggen(records: AuditRecord[], aanroep: AuditAanroep): Promise<void>;
}

/** The logboek did not confirm a write. Its message is for the client: no address of the logboek, no cause. */
export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the audit log (logboek) could not record this read, so the personal data is withheld; try again later', { cause });
    this.name = 'AuditUnavailableError';
  }
}

export interface AuditTrailOptions {
  sink: AuditSink;
  /** e.g. `een-loket/uwv`. */
  resource: string;
  authorization: string;
  /** The client request (router request id) the reads belong to. */
  verzoek: string | null;
  purpose: Purpose;
  traceId: string;
  /** The caller's span (from `traceparent`), parent of this subgraph's records. */
  parentSpanId: string | null;
}

interface Pending {
  betrokkene: string;
  veld: string;
  status: 'OK' | 'ERROR';
  done(error?: Error): void;
}

export interface AuditTrail {
  /** Records one read of `veld` about `betrokkene`; resolves once the logboek confirmed it. */
  record(betrokkene: string, veld: string, status?: 'OK' | 'ERROR'): Promise<void>;
}

export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const startTijd = new Date().toISOString();
  let pending: Pending[] = [];

  const flush = async () => {
    const batch = pending;
    pending = [];
    const perSubject = new Map<string, { velden: Set<string>; status: 'OK' | 'ERROR' }>();
    for (const entry of batch) {
      const subject = perSubject.get(entry.betrokkene) ?? { velden: new Set<string>(), status: 'OK' as const };
      subject.velden.add(entry.veld);
      if (entry.status === 'ERROR') subject.status = 'ERROR';
      perSubject.set(entry.betrokkene, subject);
    }
    const eindTijd = new Date().toISOString();
    const records: AuditRecord[] = [...perSubject].map(([betrokkene, { velden, status }]) => ({
      traceId: options.traceId,
      spanId: randomBytes(8).toString('hex'),
      parentSpanId: options.parentSpanId,
      naam: options.purpose.verwerking,
      startTijd,
      eindTijd,
      status,
      resource: options.resource,
      verwerkingsactiviteit: options.purpose.verwerking,
      doelbinding: options.purpose.doelbinding,
      betrokkene,
      velden: [...velden].sort(),
    }));
    try {
      await options.sink.vastleggen(records, { authorization: options.authorization, verzoek: options.verzoek });
      for (const entry of batch) entry.done();
    } catch (error) {
      // The operator's log gets the cause (the logboek's address and what went wrong; never records or tokens).
      console.warn(`${options.resource}: ${error instanceof Error ? error.message : String(error)}`);
      const failure = new AuditUnavailableError(error);
      for (const entry of batch) entry.done(failure);
    }
  };

  return {
    record(betrokkene, veld, status = 'OK') {
      return new Promise<void>((resolve, reject) => {
        // After the promise jobs of this turn, so a whole page of entities shares one write.
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ betrokkene, veld, status, done: (error) => (error ? reject(error) : resolve()) });
      });
    },
  };
}
