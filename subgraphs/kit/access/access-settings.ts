/**
 * The access settings of a deployment as plain data — the token configuration, the keys that sign
 * access decisions, the service keys, and where the logboek listens — so one value configures every
 * subgraph, and a subgraph in a worker thread alike. `accessDependencies` turns them into the token
 * verifier, decision signer, service identity and audit sink one subgraph uses.
 *
 * | setting | |
 * |---|---|
 * | `TOEGANG_SLEUTEL` / `_FILE` | HMAC key (≥ 32 characters) signing the loket's access decisions; the same in every subgraph; required in production |
 * | `TOEGANG_SLEUTEL_EXTRA` / `_FILE` | a second key that is accepted, never used to sign: for rotating TOEGANG_SLEUTEL (README, Access) |
 * | `DIENSTEN_JWKS`, `DIENST_SLEUTEL` (`_FILE`) | service identity, see kit/service-identity/service-keys.ts |
 * | `AUTH_*` | the token issuer, see kit/auth/auth-config.ts |
 * | `LOGBOEK_SUBGRAPH_URL` | where personal-data reads are recorded |
 * | `KLEINE_AANTALLEN_DREMPEL` | disclosure control of counts (3–100, default 5), see disclosure-control.ts |
 */
import { loadAuthConfig, type AuthConfig } from '../../../kit/auth/auth-config.js';
import { createTokenVerifier } from '../../../kit/auth/token-verifier.js';
import { requiredSecret, secretFromEnv, SettingError } from '../../../kit/keys/secret-setting.js';
import type { Dienst } from '../../../kit/service-identity/diensten.js';
import { dienstSleutelsFromEnv, type DienstSleutels } from '../../../kit/service-identity/service-keys.js';
import { dienstTokenMinter, dienstTokenVerifier } from '../../../kit/service-identity/service-token.js';
import { loadSettings } from '../../../kit/startup.js';
import { defaultSubgraphUrl, type SubgraphName } from '../../../schema/subgraphs.js';
import { createLogboekClient } from '../../logboek/client.js';
import type { AccessDependencies } from './access-context.js';
import { createDecisionSigner, type ToegangSleutels } from './access-decision.js';
import { onthullingsRegelFromEnv, type OnthullingsRegel } from './disclosure-control.js';

export interface AccessSettings {
  auth: AuthConfig;
  /** TOEGANG_SLEUTEL (signs and verifies) and TOEGANG_SLEUTEL_EXTRA (verifies only); shared by the subgraphs only. */
  toegang: ToegangSleutels;
  /** Service keys: the public keys of every part and the private keys of the parts this process runs. */
  diensten: DienstSleutels;
  /** LOGBOEK_SUBGRAPH_URL: where personal-data reads are recorded. */
  logboekUrl: string;
  /** KLEINE_AANTALLEN_DREMPEL: disclosure control of counts for roles that see counts only. */
  onthulling: OnthullingsRegel;
}

export const TOEGANG_SLEUTEL = { name: 'TOEGANG_SLEUTEL', description: "HMAC key (at least 32 characters) that signs the loket's access decisions; the same in every subgraph, never outside them" };
const TOEGANG_SLEUTEL_EXTRA = { name: 'TOEGANG_SLEUTEL_EXTRA', description: 'a second decision key accepted during a key rotation' };

/** The decision keys from the environment; in production TOEGANG_SLEUTEL is required. */
export function toegangSleutelsFromEnv(env: NodeJS.ProcessEnv = process.env): ToegangSleutels {
  const sleutel = requiredSecret(TOEGANG_SLEUTEL, env);
  const extra = secretFromEnv(TOEGANG_SLEUTEL_EXTRA, env);
  if (extra === sleutel) throw new SettingError(TOEGANG_SLEUTEL_EXTRA.name, 'TOEGANG_SLEUTEL_EXTRA is the same as TOEGANG_SLEUTEL; during a rotation it is the other key');
  return { sleutel, ...(extra !== undefined && { extra }) };
}

/** The access settings of part `dienst` (or of every part, for the one-process stack), all problems at once. */
export function accessSettingsFromEnv(dienst: Dienst | 'alle', env: NodeJS.ProcessEnv = process.env): AccessSettings {
  return loadSettings({
    auth: () => loadAuthConfig(env),
    toegang: () => toegangSleutelsFromEnv(env),
    diensten: () => dienstSleutelsFromEnv(dienst, env),
    logboekUrl: () => env.LOGBOEK_SUBGRAPH_URL || defaultSubgraphUrl('logboek'),
    onthulling: () => onthullingsRegelFromEnv(env),
  });
}

/** What subgraph `naam` needs to enforce access: verifiers, the decision signer, its service identity and the logboek client. */
export function accessDependencies(settings: AccessSettings, naam: SubgraphName): AccessDependencies {
  const minter = settings.diensten.prive[naam] ? dienstTokenMinter(settings.diensten, naam) : undefined;
  return {
    verifier: createTokenVerifier(settings.auth),
    signer: createDecisionSigner(settings.toegang),
    dienst: { naam, verifier: dienstTokenVerifier(settings.diensten, naam) },
    auditSink: createLogboekClient({ url: settings.logboekUrl, minter }),
    onthulling: settings.onthulling,
  };
}
