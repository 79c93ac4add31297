/**
 * Who is asking: the actor, read from the claims of a verified access token. The gateway and every
 * subgraph read it the same way, so a role means the same everywhere.
 *
 * Claims (besides the standard `iss`, `aud`, `exp`, `sub`):
 * - `rol`: one of ROLLEN;
 * - `organisatie`: the organisation the actor works for — a CBS gemeente code (`GM0363`), `UWV`, an
 *   SW-bedrijf's source system id (`sw-am36`), a WSP id or, for a werkgever, its KvK number;
 * - `regios`: the arbeidsmarktregio codes the actor works in (`["AM36"]`);
 * - `kvk`: for the role `werkgever`, the 8-digit KvK number of the employer it represents.
 */
import { z } from 'zod';

export const ROLLEN = ['klantmanager', 'accountmanager', 'werkgever', 'analist', 'beheerder'] as const;
export type Rol = (typeof ROLLEN)[number];

export interface Actor {
  /** The token's subject: the person (or system) acting. Logged as the actor; never a BSN. */
  sub: string;
  rol: Rol;
  organisatie?: string;
  /** Regions the actor may see data of; empty for `beheerder`. */
  regios: readonly string[];
  /** KvK number of the employer a `werkgever` represents. */
  kvkNummer?: string;
}

const regioCode = z.string().regex(/^AM\d{2}$/, 'must be a region code such as AM36');

/** The claims one actor's token must carry; per role what that role needs to be useful and safe. */
export const actorClaims = z
  .object({
    sub: z.string().min(1).max(200),
    rol: z.enum(ROLLEN),
    organisatie: z.string().min(1).max(100).optional(),
    regios: z.array(regioCode).max(35).default([]),
    kvk: z.string().regex(/^\d{8}$/, 'must be a KvK number of 8 digits').optional(),
  })
  .superRefine((claims, ctx) => {
    const need = (claim: 'organisatie' | 'regios' | 'kvk', ok: boolean) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [claim], message: `is required for rol ${claims.rol}` });
    };
    if (claims.rol === 'klantmanager' || claims.rol === 'accountmanager') need('organisatie', claims.organisatie !== undefined);
    if (claims.rol !== 'beheerder') need('regios', claims.regios.length > 0);
    if (claims.rol === 'werkgever') need('kvk', claims.kvk !== undefined);
  });

/** The actor of verified claims; throws a zod error naming the claim that is missing or wrong. */
export function actorFromClaims(claims: unknown): Actor {
  const parsed = actorClaims.parse(claims, { error: claimMessage });
  return {
    sub: parsed.sub,
    rol: parsed.rol,
    organisatie: parsed.organisatie ?? (parsed.rol === 'werkgever' ? parsed.kvk : undefined),
    regios: parsed.regios,
    kvkNummer: parsed.kvk,
  };
}

/**
 * One line per wrong claim of a failed `actorFromClaims`, e.g. `claim "regios" is required for rol
 * analist`; `name` says how to call a claim (the token CLI names its flags instead).
 */
export function describeClaimsError(error: z.ZodError, name: (claim: string) => string = (claim) => `claim "${claim}"`): string {
  return error.issues
    .map((issue) => {
      const [claim = 'payload', ...rest] = issue.path.map(String);
      return `${name(claim)}${rest.length ? ` (entry ${rest.join('.')})` : ''} ${issue.message}`;
    })
    .join('; ');
}

/** Messages that read after the claim's name: "is required", "must be one of …". */
function claimMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'too_small') return 'must not be empty';
  if (issue.code === 'too_big') return 'is too long';
  return undefined;
}
