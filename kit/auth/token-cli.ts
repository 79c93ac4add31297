/**
 * `npm run token`: prints an access token from the local dev issuer (only outside production), for
 * curl, Apollo Sandbox and scripts. Only the token goes to stdout:
 *
 *   TOKEN=$(npm run -s token -- --rol analist --regio AM36)
 *   curl -H "authorization: Bearer $TOKEN" …
 *
 * Options: --rol <rol> [--organisatie <id>] [--regio AMxx …] [--kvk <nummer>] [--sub <id>]
 * [--geldig <minutes>]. The claims are checked as the graph checks them; wrong input is named on
 * stderr with exit code 2, and no token is printed.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { actorFromClaims, describeClaimsError, ROLLEN } from './actor.js';
import { createDevIssuer, DEFAULT_DEV_TOKEN_SECONDS, devIssuerDir, devSubject } from './dev-issuer.js';
import { DEFAULT_AUDIENCE, isProduction } from '../omgeving.js';

const USAGE = `usage: npm run -s token -- --rol <${ROLLEN.join('|')}> [--organisatie <id>] [--regio AMxx ...] [--kvk <8 digits>] [--sub <id>] [--geldig <minutes>]`;
const FLAG_OF_CLAIM: Record<string, string> = { sub: '--sub', rol: '--rol', organisatie: '--organisatie', regios: '--regio', kvk: '--kvk' };
const MAX_MINUTES = 7 * 24 * 60;

class UsageError extends Error {}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (isProduction(env)) {
    process.stderr.write('token: refused in production (EEN_LOKET_OMGEVING=productie or NODE_ENV=production); tokens come from your identity provider\n');
    return 1;
  }
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        rol: { type: 'string' },
        organisatie: { type: 'string' },
        regio: { type: 'string', multiple: true },
        kvk: { type: 'string' },
        sub: { type: 'string' },
        geldig: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (values.rol === undefined) throw new UsageError(`--rol is required (one of ${ROLLEN.join(', ')})`);
    const minutes = values.geldig === undefined ? DEFAULT_DEV_TOKEN_SECONDS / 60 : Number(values.geldig);
    if (!/^\d+$/.test(values.geldig ?? '1') || minutes < 1 || minutes > MAX_MINUTES) {
      throw new UsageError(`--geldig must be a whole number of minutes from 1 to ${MAX_MINUTES}, got "${values.geldig}"`);
    }
    const badRegio = values.regio?.find((code) => !/^AM\d{2}$/.test(code));
    if (badRegio !== undefined) throw new UsageError(`--regio "${badRegio}" must be a region code such as AM36`);
    const wie = { rol: values.rol, organisatie: values.organisatie, regios: values.regio ?? [], kvk: values.kvk };
    const claims = { ...wie, sub: values.sub ?? devSubject(wie) };
    try {
      actorFromClaims(claims); // the same check the gateway and subgraphs make
    } catch (error) {
      if (error instanceof ZodError) throw new UsageError(describeClaimsError(error, (claim) => FLAG_OF_CLAIM[claim] ?? claim));
      throw error;
    }
    if (env.AUTH_JWKS_URL && !env.AUTH_DEV_ISSUER) {
      process.stderr.write('token: warning: AUTH_JWKS_URL is set, so the graph verifies tokens of that issuer, not of the dev issuer\n');
    }
    const issuer = createDevIssuer({ dir: devIssuerDir(env) }, env);
    const token = await issuer.issue(claims, { expiresIn: minutes * 60, audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`token: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
