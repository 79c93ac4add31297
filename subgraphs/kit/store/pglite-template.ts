/**
 * An initialised, empty PGlite cluster kept as a template, so a new store does not run initdb
 * (about 2–3 s of CPU) each time: a fresh data folder, or an in-memory store in a test, is loaded
 * from the template in well under a second. The template is made once — at `npm install`
 * (postinstall runs this file) or by the first store that needs it — and cached under
 * `node_modules/.cache/`, keyed by the PGlite version, so a PGlite upgrade never loads a stale one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PGLITE_PACKAGE = join(PROJECT_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
const PGLITE_VERSION = (JSON.parse(readFileSync(PGLITE_PACKAGE, 'utf8')) as { version: string }).version;
const TEMPLATE = join(PROJECT_ROOT, 'node_modules', '.cache', 'een-loket', `pglite-${PGLITE_VERSION}.tar`);

/** The cached template, when there is one. */
export function readTemplate(): Blob | undefined {
  return existsSync(TEMPLATE) ? new Blob([readFileSync(TEMPLATE)]) : undefined;
}

/** Saves a just-initialised cluster as the template (atomically: parallel test workers may race). */
export async function saveTemplate(fresh: PGlite): Promise<void> {
  if (existsSync(TEMPLATE)) return;
  const dump = await fresh.dumpDataDir('none');
  mkdirSync(dirname(TEMPLATE), { recursive: true });
  const partial = `${TEMPLATE}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, TEMPLATE);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!readTemplate()) {
    const fresh = await PGlite.create('memory://');
    await saveTemplate(fresh);
    await fresh.close();
  }
  console.log(`PGlite template ready: ${TEMPLATE}`);
}
