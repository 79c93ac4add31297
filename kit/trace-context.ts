/**
 * W3C Trace Context (`traceparent`, https://www.w3.org/TR/trace-context/): read a caller's header and
 * make new ones. The gateway passes one trace id to every subgraph call of a client request; the
 * subgraphs read it for the audit log (LDV `trace_id`, `span_id`, `parent_span_id`).
 */
import { randomBytes } from 'node:crypto';

export interface TraceParent {
  /** 32 lowercase hex digits (16 bytes), not all zero. */
  traceId: string;
  /** 16 lowercase hex digits (8 bytes), not all zero: the caller's span (our parent span). */
  spanId: string;
  /** 2 hex digits; `01` = sampled. */
  flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

/**
 * The trace and parent span of a `traceparent` header, or undefined when it is absent or invalid
 * (then the caller starts a new trace). Version `00` must have exactly four fields; later versions may
 * add fields after them, version `ff` is invalid; all-zero ids are invalid.
 */
export function parseTraceparent(header: string | undefined | null): TraceParent | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, flags };
}

/** A new random trace id (16 bytes, hex). */
export function newTraceId(): string {
  return nonZeroHex(16);
}

/** A new random span id (8 bytes, hex). */
export function newSpanId(): string {
  return nonZeroHex(8);
}

/** A version-00 `traceparent` with a new span id, in `traceId` (default: a new trace), sampled. */
export function newTraceparent(traceId: string = newTraceId(), spanId: string = newSpanId()): string {
  if (!TRACE_ID.test(traceId) || /^0+$/.test(traceId)) throw new Error(`traceId must be 32 lowercase hex digits, not all zero, got "${traceId}"`);
  if (!SPAN_ID.test(spanId) || /^0+$/.test(spanId)) throw new Error(`spanId must be 16 lowercase hex digits, not all zero, got "${spanId}"`);
  return `00-${traceId}-${spanId}-01`;
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    if (!/^0+$/.test(hex)) return hex;
  }
}
