/**
 * The access settings of a deployment as plain data — the token configuration, the key that signs
 * access decisions, and where the logboek listens — so one value configures the gateway, every
 * subgraph, and a subgraph in a worker thread alike. `accessDependencies` turns them into the
 * verifier, signer and audit sink a subgraph uses.
 */
import { loadAuthConfig, type AuthConfig } from '../../../kit/auth/auth-config.js';
import { isProduction } from '../../../kit/omgeving.js';
import { createTokenVerifier } from '../../../kit/auth/token-verifier.js';
import { defaultSubgraphUrl } from '../../../schema/subgraphs.js';
import { createLogboekClient } from '../../logboek/client.js';
import type { AccessDependencies } from './access-context.js';
import { createDecisionSigner, DEV_TOEGANG_SLEUTEL } from './access-decision.js';

export interface AccessSettings {
  auth: AuthConfig;
  /** TOEGANG_SLEUTEL: signs the loket's access decisions; shared by the subgraphs only. */
  toegangSleutel: string;
  /** LOGBOEK_SUBGRAPH_URL: where personal-data reads are recorded. */
  logboekUrl: string;
}

export function accessSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AccessSettings {
  const toegangSleutel = env.TOEGANG_SLEUTEL;
  if (!toegangSleutel && isProduction(env)) throw new Error('TOEGANG_SLEUTEL is required in production (at least 32 characters, the same for every subgraph)');
  return {
    auth: loadAuthConfig(env),
    toegangSleutel: toegangSleutel ?? DEV_TOEGANG_SLEUTEL,
    logboekUrl: env.LOGBOEK_SUBGRAPH_URL || defaultSubgraphUrl('logboek'),
  };
}

export function accessDependencies(settings: AccessSettings): AccessDependencies {
  return {
    verifier: createTokenVerifier(settings.auth),
    signer: createDecisionSigner(settings.toegangSleutel),
    auditSink: createLogboekClient({ url: settings.logboekUrl }),
  };
}
