/**
 * The parts of a deployment that call each other, and who may call whom: the router calls every
 * subgraph; the subgraphs that return personal data call the logboek to record each read. One list,
 * derived from the subgraphs of `schema/subgraphs.ts`, so adding a subgraph adds its service identity.
 */
import { SUBGRAPH_NAMES, type SubgraphName } from '../../schema/subgraphs.js';

/** The federation router in front of the subgraphs (our gateway, or another router set up as in gateway/). */
export const ROUTER = 'router';

/** A part that holds a service identity. */
export type Dienst = typeof ROUTER | SubgraphName;

export const DIENSTEN: readonly Dienst[] = [ROUTER, ...SUBGRAPH_NAMES];

/** The subgraphs that record personal-data reads in the logboek: every subgraph except the logboek. */
export const LOGBOEK_SCHRIJVERS: readonly Dienst[] = SUBGRAPH_NAMES.filter((name) => name !== 'logboek');

/** Parts that sign calls to other parts (the logboek only answers). */
export const AANROEPERS: readonly Dienst[] = [ROUTER, ...LOGBOEK_SCHRIJVERS];

export function isDienst(value: unknown): value is Dienst {
  return typeof value === 'string' && (DIENSTEN as readonly string[]).includes(value);
}
