/**
 * The employer view of one region — one query that reaches every partner subgraph (each adds its part
 * of the werkgever) — and the check that nothing in its answer went missing silently: every partner
 * part of an employer that partner knows is either there or explained by an error naming that partner.
 * Used by the fault tests, the faults benchmark and the soak script.
 */
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import type { PartnerName } from '../../sandbox/stack.js';
import type { GraphQLResponse } from './graphql.js';

export const REGIO = 'AM36';

export const ACCOUNTMANAGER: DevTokenClaims = { sub: 'am-faults', rol: 'accountmanager', organisatie: 'WSP-AM36', regios: [REGIO] };

/** Per partner: its `Bron` value and the field of `Werkgever` its subgraph adds. */
export const PARTNER_PART: Record<PartnerName, { bron: string; veld: string }> = {
  gemeente: { bron: 'GEMEENTE', veld: 'gemeenteRelaties' },
  uwv: { bron: 'UWV', veld: 'uwvRelatie' },
  'sw-bedrijf': { bron: 'SW_BEDRIJF', veld: 'swDetacheringen' },
  onderwijs: { bron: 'ONDERWIJS', veld: 'leerbedrijf' },
  werkgeversvereniging: { bron: 'WERKGEVERSVERENIGING', veld: 'lidmaatschap' },
};

export const EMPLOYER_VIEW = `{ arbeidsmarktregio(code: "${REGIO}") { werkgevers(first: 20) { edges { node {
  kvkNummer naam bronnen
  gemeenteRelaties { lksPlaatsingen }
  uwvRelatie { accountmanager }
  swDetacheringen { aantalMedewerkers }
  leerbedrijf { erkend }
  lidmaatschap { branche }
} } } } }`;

export interface EmployerNode {
  kvkNummer: string;
  bronnen: string[];
  [veld: string]: unknown;
}

export type EmployerView = GraphQLResponse<{ arbeidsmarktregio: { werkgevers: { edges: { node: EmployerNode }[] } } }>;

export type GraphQLError = NonNullable<EmployerView['errors']>[number];

export function nodesOf(response: EmployerView): EmployerNode[] {
  return response.data?.arbeidsmarktregio.werkgevers.edges.map((edge) => edge.node) ?? [];
}

/** The errors on `partner`'s part of the employers. */
export function partErrors(response: EmployerView, partner: PartnerName): GraphQLError[] {
  return (response.errors ?? []).filter((error) => error.path?.at(-1) === PARTNER_PART[partner].veld);
}

/** How `partner`'s part of the employers that partner knows came back: each served, or failed with an error. */
export function partOutcome(response: EmployerView, partner: PartnerName): { served: number; failed: number; silent: string[] } {
  const { bron, veld } = PARTNER_PART[partner];
  const outcome = { served: 0, failed: 0, silent: [] as string[] };
  nodesOf(response).forEach((node, i) => {
    if (!node.bronnen.includes(bron)) return;
    const value = node[veld];
    if (value !== null && !(Array.isArray(value) && value.length === 0)) outcome.served += 1;
    else if ((response.errors ?? []).some((error) => error.path?.[3] === i && error.path.at(-1) === veld)) outcome.failed += 1;
    else outcome.silent.push(node.kvkNummer);
  });
  return outcome;
}
