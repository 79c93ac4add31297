/**
 * Worker-thread entry of the loket subgraph (see `in-thread.ts`): starts it with the options the
 * parent passed, reports its URL and its first synchronisation, and stops it on request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import type { LoketThreadMessage, LoketThreadOptions } from './in-thread.js';
import { startLoketSubgraph } from './server.js';

const port = parentPort;
if (!port) throw new Error('subgraphs/loket/thread.ts runs only as a worker thread');
const post = (message: LoketThreadMessage) => port.postMessage(message);
const { pseudonymKey, ...options } = (workerData as { data: LoketThreadOptions }).data;

try {
  const loket = await startLoketSubgraph({ ...options, pseudonymize: createPseudonymizer(pseudonymKey), log: (message) => post({ type: 'log', message }) });
  post({ type: 'ready', url: loket.url });
  loket.firstSync.then(
    (report) => post({ type: 'synced', report }),
    (error: unknown) => post({ type: 'sync-failed', message: error instanceof Error ? error.message : String(error) }),
  );
  port.on('message', (message: { type: 'stop' }) => {
    if (message.type === 'stop') void loket.stop().finally(() => post({ type: 'stopped' }));
  });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
