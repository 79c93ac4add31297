/**
 * Access for tests: fresh keys for every test file (an in-memory dev issuer, a random decision key, a
 * random pseudonym key, service key pairs for every part), request headers for an actor with or
 * without a purpose — as a client sends them to the router, or as the router sends them to a subgraph
 * — and, for tests of one subgraph, the decisions the loket would hand it. Tests never share the
 * persisted development keys.
 */
import { createDevIssuer, devAuthConfig, type DevIssuer, type DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import { bearerTokenOf, createTokenVerifier } from '../../kit/auth/token-verifier.js';
import { randomSecret } from '../../kit/keys/dev-secrets.js';
import { ROUTER, type Dienst } from '../../kit/service-identity/diensten.js';
import { newDienstSleutels } from '../../kit/service-identity/service-keys.js';
import { DIENST_TOKEN_HEADER, dienstTokenMinter, dienstTokenVerifier, nieuwVerzoek, type DienstTokenMinter } from '../../kit/service-identity/service-token.js';
import type { SubgraphName } from '../../schema/subgraphs.js';
import type { StackAccess } from '../../sandbox/stack.js';
import type { AccessDependencies } from '../../subgraphs/kit/access/access-context.js';
import { actorBinding, createDecisionSigner, type DecisionSigner } from '../../subgraphs/kit/access/access-decision.js';
import type { AuditRecord } from '../../subgraphs/kit/access/audit-trail.js';
import { DEFAULT_DREMPEL } from '../../subgraphs/kit/access/disclosure-control.js';
import { actorFromClaims } from '../../kit/auth/actor.js';
import { GEGEVENSCATEGORIEEN } from '../../subgraphs/kit/access/verwerkingsregister.js';

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

export interface TestAccess {
  issuer: DevIssuer;
  /** For `startStack({ access })`. */
  settings: StackAccess;
  /** Signs and verifies decisions with this file's decision key. */
  signer: DecisionSigner;
  /** Headers a client sends the router: a bearer token for these claims, plus the purpose headers when given. */
  headers(claims: DevTokenClaims, purpose?: Purpose): Promise<Record<string, string>>;
  /**
   * Headers of a call the way the router makes it to subgraph `naar`: the user's token and purpose
   * headers, and the router's service token for client request `verzoek` (default: a new request).
   */
  routerHeaders(naar: Dienst, claims: DevTokenClaims, purpose?: Purpose, verzoek?: string): Promise<Record<string, string>>;
  /** Signs service tokens as part `dienst` (e.g. a subgraph writing to the logboek). */
  minter(dienst: Dienst): DienstTokenMinter;
}

export function testAccess(): TestAccess {
  const issuer = createDevIssuer({ inMemory: true });
  const settings: StackAccess = {
    auth: devAuthConfig(issuer),
    toegang: { sleutel: randomSecret() },
    diensten: newDienstSleutels(),
    onthulling: { drempel: DEFAULT_DREMPEL },
    pseudoniemSleutel: randomSecret(),
  };
  const minters = new Map<Dienst, DienstTokenMinter>();
  const minter = (dienst: Dienst) => {
    let found = minters.get(dienst);
    if (!found) minters.set(dienst, (found = dienstTokenMinter(settings.diensten, dienst)));
    return found;
  };
  const headers = async (claims: DevTokenClaims, purpose?: Purpose) => ({
    authorization: `Bearer ${await issuer.issue(claims)}`,
    ...(purpose ? { 'x-doelbinding': purpose.doelbinding, 'x-verwerking': purpose.verwerking } : {}),
  });
  return {
    issuer,
    settings,
    signer: createDecisionSigner(settings.toegang),
    headers,
    minter,
    routerHeaders: async (naar, claims, purpose, verzoek = nieuwVerzoek()) => {
      const user = await headers(claims, purpose);
      return { ...user, [DIENST_TOKEN_HEADER]: await minter(ROUTER).mint(naar, verzoek, bearerTokenOf(user.authorization)) };
    },
  };
}

/**
 * For tests that call one subgraph directly, as the router would: that subgraph's access
 * dependencies (a verifier for the test issuer's tokens, the test decision key, its service identity,
 * an in-memory audit log), one client request id for all calls of the test file, the headers of a
 * klantmanager with a purpose, and representations carrying a decision that grants everything (as the
 * loket would for a client) in that request.
 */
export interface SubgraphTestAccess {
  deps: AccessDependencies;
  /** Every audit record the subgraph wrote. */
  audit: AuditRecord[];
  /** The client request all calls of `headers()` and `headersFor()` belong to. */
  verzoek: string;
  access: TestAccess;
  headers(): Promise<Record<string, string>>;
  /** Headers of another actor (tokens the subgraph accepts), in the same client request unless `verzoek` says otherwise. */
  headersFor(claims: DevTokenClaims, purpose?: Purpose, verzoek?: string): Promise<Record<string, string>>;
  granted<R extends { __typename: string; id?: string; kvkNummer?: string }>(representation: R): R & { toegang?: string };
  /** The same representation with the signature of its decision changed (a forgery). */
  tampered<R extends { toegang?: string }>(representation: R): R;
}

export const TEST_KLANTMANAGER = { sub: 'test-klantmanager', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] } satisfies DevTokenClaims;

export function subgraphTestAccess(naam: SubgraphName): SubgraphTestAccess {
  const access = testAccess();
  const audit: AuditRecord[] = [];
  const verzoek = nieuwVerzoek();
  const verloopt = () => Date.now() + 10 * 60_000;
  const binding = { actor: actorBinding(actorFromClaims(TEST_KLANTMANAGER)), doel: PURPOSES.klantdossier, verzoek };
  return {
    deps: {
      verifier: createTokenVerifier(access.settings.auth),
      signer: access.signer,
      dienst: { naam, verifier: dienstTokenVerifier(access.settings.diensten, naam) },
      auditSink: { vastleggen: async (records) => void audit.push(...records) },
      onthulling: access.settings.onthulling,
    },
    audit,
    verzoek,
    access,
    headers: () => access.routerHeaders(naam, TEST_KLANTMANAGER, PURPOSES.klantdossier, verzoek),
    headersFor: (claims, purpose, anderVerzoek = verzoek) => access.routerHeaders(naam, claims, purpose, anderVerzoek),
    // The first character of the signature carries 6 full bits, so changing it always changes the MAC.
    tampered: (representation) => {
      const [payload, signature = ''] = String(representation.toegang).split('.');
      return { ...representation, toegang: `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}` };
    },
    granted: (representation) => {
      if (representation.__typename === 'Kandidaat' && representation.id) {
        return { ...representation, toegang: access.signer.sign({ soort: 'Kandidaat', id: representation.id, ...binding, categorieen: [...GEGEVENSCATEGORIEEN], verloopt: verloopt() }) };
      }
      if (representation.__typename === 'Werkgever' && representation.kvkNummer) {
        return { ...representation, toegang: access.signer.sign({ soort: 'Werkgever', id: representation.kvkNummer, ...binding, toegestaan: true, verloopt: verloopt() }) };
      }
      return representation;
    },
  };
}
