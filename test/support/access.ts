/**
 * Access for tests: an in-memory dev issuer whose tokens the test's stack accepts, and request
 * headers for an actor with or without a purpose. Tests never share the persisted dev key.
 */
import { createDevIssuer, devAuthConfig, type DevIssuer, type DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { createTokenVerifier } from '../../kit/auth/token-verifier.js';
import type { AccessDependencies } from '../../subgraphs/kit/access/access-context.js';
import { createDecisionSigner, DEV_TOEGANG_SLEUTEL } from '../../subgraphs/kit/access/access-decision.js';
import type { AccessSettings } from '../../subgraphs/kit/access/access-settings.js';
import type { AuditRecord } from '../../subgraphs/kit/access/audit-trail.js';
import { ALLE_CATEGORIEEN } from '../../subgraphs/loket/toegang/besluiten.js';

export interface TestAccess {
  issuer: DevIssuer;
  /** For `startStack({ access })`. */
  settings: Omit<AccessSettings, 'logboekUrl'>;
  /** Headers with a bearer token for these claims, plus the purpose headers when given. */
  headers(claims: DevTokenClaims, purpose?: Purpose): Promise<Record<string, string>>;
}

export interface Purpose {
  doelbinding: string;
  verwerking: string;
}

/** The purposes of the verwerkingsregister, as header pairs. */
export const PURPOSES = {
  klantdossier: { doelbinding: 're-integratie', verwerking: 'klantdossier-inzien' },
  toestemmingBeheren: { doelbinding: 're-integratie', verwerking: 'toestemming-beheren' },
  voorstellen: { doelbinding: 'bemiddeling', verwerking: 'kandidaat-voorstellen' },
} satisfies Record<string, Purpose>;

export function testAccess(): TestAccess {
  const issuer = createDevIssuer({ inMemory: true });
  return {
    issuer,
    settings: { auth: devAuthConfig(issuer), toegangSleutel: DEV_TOEGANG_SLEUTEL },
    headers: async (claims, purpose) => ({
      authorization: `Bearer ${await issuer.issue(claims)}`,
      ...(purpose ? { 'x-doelbinding': purpose.doelbinding, 'x-verwerking': purpose.verwerking } : {}),
    }),
  };
}

/** A signer with the test key, for tests that call a partner subgraph directly with representations. */
export const testSigner = createDecisionSigner(DEV_TOEGANG_SLEUTEL);

/**
 * For tests that call one subgraph directly, as a router would: a verifier for the test issuer's
 * tokens, the test decision key, an in-memory audit log, the headers of a klantmanager with a purpose,
 * and representations carrying a decision that grants everything (as the loket would for a client).
 */
export interface SubgraphTestAccess {
  deps: AccessDependencies;
  /** Every audit record the subgraph wrote. */
  audit: AuditRecord[];
  headers(): Promise<Record<string, string>>;
  /** Headers of another actor, with tokens of the same issuer as `deps.verifier` accepts. */
  headersFor(claims: DevTokenClaims, purpose?: Purpose): Promise<Record<string, string>>;
  granted<R extends { __typename: string; id?: string; kvkNummer?: string }>(representation: R): R & { toegang?: string };
  /** The same representation with the signature of its decision changed (a forgery). */
  tampered<R extends { toegang?: string }>(representation: R): R;
}

const TEST_KLANTMANAGER = { sub: 'test-klantmanager', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };

export function subgraphTestAccess(): SubgraphTestAccess {
  const access = testAccess();
  const audit: AuditRecord[] = [];
  const verloopt = () => Date.now() + 10 * 60_000;
  return {
    deps: {
      verifier: createTokenVerifier(access.settings.auth),
      signer: testSigner,
      auditSink: { vastleggen: async (records) => void audit.push(...records) },
    },
    audit,
    headers: () => access.headers(TEST_KLANTMANAGER, PURPOSES.klantdossier),
    headersFor: (claims, purpose) => access.headers(claims, purpose),
    // The first character of the signature carries 6 full bits, so changing it always changes the MAC.
    tampered: (representation) => {
      const [payload, signature = ''] = String(representation.toegang).split('.');
      return { ...representation, toegang: `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}` };
    },
    granted: (representation) => {
      if (representation.__typename === 'Kandidaat' && representation.id) {
        const toegang = testSigner.sign({ soort: 'Kandidaat', id: representation.id, actor: TEST_KLANTMANAGER.sub, doelbinding: 're-integratie', categorieen: [...ALLE_CATEGORIEEN], verloopt: verloopt() });
        return { ...representation, toegang };
      }
      if (representation.__typename === 'Werkgever' && representation.kvkNummer) {
        return { ...representation, toegang: testSigner.sign({ soort: 'Werkgever', id: representation.kvkNummer, actor: TEST_KLANTMANAGER.sub, toegestaan: true, verloopt: verloopt() }) };
      }
      return representation;
    },
  };
}
