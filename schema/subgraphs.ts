/**
 * The seven subgraphs of the één loket graph, with their default ports. Compose, codegen, the gateway
 * and the stack all read this list.
 */
export const SUBGRAPHS = {
  loket: { port: 4001, envUrl: 'LOKET_SUBGRAPH_URL' },
  gemeente: { port: 4002, envUrl: 'GEMEENTE_SUBGRAPH_URL' },
  uwv: { port: 4003, envUrl: 'UWV_SUBGRAPH_URL' },
  'sw-bedrijf': { port: 4004, envUrl: 'SW_BEDRIJF_SUBGRAPH_URL' },
  onderwijs: { port: 4005, envUrl: 'ONDERWIJS_SUBGRAPH_URL' },
  werkgeversvereniging: { port: 4006, envUrl: 'WERKGEVERSVERENIGING_SUBGRAPH_URL' },
  logboek: { port: 4007, envUrl: 'LOGBOEK_SUBGRAPH_URL' },
} as const;

export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

/** Default URL of a subgraph, as written into the committed supergraph. */
export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://127.0.0.1:${SUBGRAPHS[name].port}/`;
}

/** Where a process listens when started on its own: PORT and HOST from the environment, checked. */
export function listenOptionsFromEnv(defaultPort: number, env: NodeJS.ProcessEnv = process.env): { port: number; host: string } {
  return { port: wholeNumberFromEnv('PORT', defaultPort, 65_535, env), host: env.HOST || '127.0.0.1' };
}

/** A whole number from the environment, or `fallback` when unset; anything else is refused by name. */
export function wholeNumberFromEnv(name: string, fallback: number, max: number, env: NodeJS.ProcessEnv = process.env): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${value}"`);
  return Number(value);
}

/** Like `wholeNumberFromEnv`, but 0 is refused too: for limits, sizes and durations that must be at least 1. */
export function positiveNumberFromEnv(name: string, fallback: number, max: number, env: NodeJS.ProcessEnv = process.env): number {
  const value = wholeNumberFromEnv(name, fallback, max, env);
  if (value < 1) throw new Error(`${name} must be at least 1, got ${value}`);
  return value;
}
