/**
 * Starts an ES module in a worker thread, so CPU-heavy parts (the loket's index synchronisation and
 * its embedded Postgres) run on another core than the rest of an in-process stack. Source files
 * (`.ts`, run through tsx or vitest) get tsx's loader registered inside the worker first; compiled
 * `.js` files start directly.
 */
import { Worker } from 'node:worker_threads';

// Registers tsx's loader in the worker, then loads the entry.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ register }) => { register(); return import(workerData.entry); });
`;

export function startModuleWorker(entry: URL, data: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: { data } });
  return new Worker(BOOTSTRAP, { eval: true, workerData: { data, tsxApi: import.meta.resolve('tsx/esm/api'), entry: entry.href } });
}
