/** Options every partner subgraph's start function takes. */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import { describeIssue, type PartnerRecordIssue } from '../../adapters/kit/partner-errors.js';
import type { Pseudonymize } from '../../adapters/kit/pseudonym.js';

export interface PartnerSubgraphOptions {
  /** 0 picks a free port; default the subgraph's port in `schema/subgraphs.ts`. */
  port?: number;
  host?: string;
  /** Source configuration; default `loadBronnen()` (adapters/bronnen.json + environment). */
  bronnen?: BronnenConfig;
  /** Default `pseudonymizerFromEnv()`. */
  pseudonymize?: Pseudonymize;
  /** Per partner request; default 10 s. */
  timeoutMs?: number;
  /** Start-up and warm-up messages (never personal data); default stderr. */
  log?: (message: string) => void;
}

export const logToStderr = (message: string): void => console.warn(message);

/** What a partner adapter's warm-up read. */
export interface WarmUpSummary {
  records: number;
  issues: readonly PartnerRecordIssue[];
  /** Source systems that could not be read (partners with many systems go on without them). */
  unavailable?: readonly Error[];
}

/**
 * Logs a warm-up the same way for every partner: counts, the failed systems, and up to three left-out
 * records by key and field (the kit's messages never quote a value, so no personal data is logged).
 */
export function logWarmUp(log: (message: string) => void, subgraph: string, summary: WarmUpSummary): void {
  const unavailable = summary.unavailable ?? [];
  log(`${subgraph} warm-up: ${summary.records} records, ${summary.issues.length} malformed left out, ${unavailable.length} source systems unavailable`);
  for (const error of unavailable) log(`${subgraph} warm-up: ${error.message}`);
  for (const issue of summary.issues.slice(0, 3)) log(`${subgraph} warm-up: left out ${describeIssue(issue)}`);
}
