/**
 * A file that is made once and then only read, even when several processes start at the same moment
 * (the gateway, the subgraphs and `npm run token` of one dev deployment): each process writes a
 * complete file under a temporary name and hard-links it into place, which fails when another process
 * was first; then everyone reads the winner's file. Used for the local development keys, never for
 * production keys (those come from the environment).
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The parsed content of `file`, made with `make` when it does not exist yet. `parse` throws on a
 * damaged file; the error names the file and says how to recover.
 */
export function readOrCreateOnce<T>(file: string, make: () => string, parse: (text: string) => T): T {
  const existing = readParsed(file, parse);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, make(), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file); // atomic, and never replaces a file another process made first
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  const created = readParsed(file, parse);
  if (created === undefined) throw new Error(`${file} vanished while it was being created`);
  return created;
}

function readParsed<T>(file: string, parse: (text: string) => T): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${file} is damaged (${(error as Error).message}); delete it to make a new one`);
  }
}
