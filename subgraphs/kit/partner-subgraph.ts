/** Options every partner subgraph's start function takes. */
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
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
