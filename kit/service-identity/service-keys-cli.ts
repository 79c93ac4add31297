/**
 * `npm run dienstsleutels -- --map <folder> [--dienst <part> …]`: makes the service keys of a
 * deployment — a private key per calling part (`<part>.jwk.json`, mode 0600: give each part only its
 * own, as DIENST_SLEUTEL_FILE) and the public key set of all parts (`diensten.jwks.json`: give every
 * part the same, as DIENSTEN_JWKS_FILE). Without --dienst: every part that calls another. With
 * --dienst: new keys for those parts only, added to the existing key set — the first step of rotating
 * a part's key (README, Access). An existing private key file is never overwritten. Prints what it
 * wrote, never a key.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import { AANROEPERS, type Dienst } from './diensten.js';
import { newDienstSleutels } from './service-keys.js';

const USAGE = `usage: npm run -s dienstsleutels -- --map <folder> [--dienst <${AANROEPERS.join('|')}> ...]`;
export const JWKS_FILE = 'diensten.jwks.json';

export function main(argv: string[]): number {
  let values: { map?: string; dienst?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { map: { type: 'string' }, dienst: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`dienstsleutels: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.map) {
    process.stderr.write(`dienstsleutels: --map is required\n${USAGE}\n`);
    return 2;
  }
  const unknown = values.dienst?.find((d) => !(AANROEPERS as readonly string[]).includes(d));
  if (unknown !== undefined) {
    process.stderr.write(`dienstsleutels: --dienst "${unknown}" is not a part that calls others (${AANROEPERS.join(', ')})\n`);
    return 2;
  }
  const diensten = (values.dienst ?? AANROEPERS) as Dienst[];
  const dir = values.map;
  const existing = diensten.find((d) => existsSync(join(dir, `${d}.jwk.json`)));
  if (existing !== undefined) {
    process.stderr.write(`dienstsleutels: ${join(dir, `${existing}.jwk.json`)} exists; move it away first (during a rotation the old key stays in ${JWKS_FILE} until every part signs with the new one)\n`);
    return 1;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sleutels = newDienstSleutels(diensten);
  const jwksPath = join(dir, JWKS_FILE);
  const previous = existsSync(jwksPath) ? (JSON.parse(readFileSync(jwksPath, 'utf8')) as JSONWebKeySet).keys : [];
  for (const dienst of diensten) {
    writeFileSync(join(dir, `${dienst}.jwk.json`), `${JSON.stringify(sleutels.prive[dienst], null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    process.stdout.write(`wrote ${join(dir, `${dienst}.jwk.json`)} (kid ${String(sleutels.prive[dienst]!.kid)}): DIENST_SLEUTEL_FILE of the ${dienst}\n`);
  }
  writeFileSync(jwksPath, `${JSON.stringify({ keys: [...previous, ...sleutels.jwks.keys] }, null, 2)}\n`);
  process.stdout.write(`wrote ${jwksPath} (${previous.length + sleutels.jwks.keys.length} public keys): DIENSTEN_JWKS_FILE of every part\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
