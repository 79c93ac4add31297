/**
 * Which kind of deployment this process runs in (`EEN_LOKET_OMGEVING`, and `NODE_ENV=production`
 * always counts as production), and the audience tokens for this graph carry unless `AUTH_AUDIENCE`
 * says otherwise. The auth configuration, the dev issuer and the token CLI all decide by this.
 */

export const OMGEVINGEN = ['productie', 'test', 'ontwikkeling'] as const;
export type Omgeving = (typeof OMGEVINGEN)[number];

/** The `aud` of access tokens for the één loket graph, unless AUTH_AUDIENCE sets another. */
export const DEFAULT_AUDIENCE = 'een-loket-graph';

/** The deployment kind; `ontwikkeling` when nothing is set. An unknown value is refused by name. */
export function omgevingFromEnv(env: NodeJS.ProcessEnv = process.env): Omgeving {
  const value = env.EEN_LOKET_OMGEVING;
  if (value !== undefined && value !== '' && !(OMGEVINGEN as readonly string[]).includes(value)) {
    throw new Error(`EEN_LOKET_OMGEVING must be one of ${OMGEVINGEN.join(', ')}, got "${value}"`);
  }
  if (env.NODE_ENV === 'production') return 'productie';
  return (value || 'ontwikkeling') as Omgeving;
}

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return omgevingFromEnv(env) === 'productie';
}
