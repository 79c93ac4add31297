/**
 * Worker-thread entry of the loket subgraph (see `in-thread.ts`): loads its modules at once, starts
 * the subgraph when the parent sends the partner sources, reports its URL and its first
 * synchronisation, and stops it on request.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createPseudonymizer } from '../../adapters/kit/pseudonym.js';
import type { BronnenConfig } from '../../adapters/kit/bronnen.js';
import type { LoketThreadMessage, LoketThreadOptions } from './in-thread.js';
import { accessDependencies, type AccessSettings } from '../kit/access/access-settings.js';
import { startLoketSubgraph } from './server.js';

if (!parentPort) throw new Error('subgraphs/loket/thread.ts runs only as a worker thread');
const port: MessagePort = parentPort;
const post = (message: LoketThreadMessage) => port.postMessage(message);
const { pseudonymKey, ...options } = (workerData as { data: LoketThreadOptions }).data;

async function start(bronnen: BronnenConfig, accessSettings: AccessSettings): Promise<void> {
  try {
    const loket = await startLoketSubgraph({
      ...options,
      bronnen,
      pseudonymize: createPseudonymizer(pseudonymKey),
      access: accessDependencies(accessSettings, 'loket'),
      log: (message) => post({ type: 'log', message }),
    });
    post({ type: 'ready', url: loket.url });
    loket.firstSync.then(
      (report) => post({ type: 'synced', report }),
      (error: unknown) => post({ type: 'sync-failed', message: error instanceof Error ? error.message : String(error) }),
    );
    port.on('message', (message: { type: string }) => {
      if (message.type === 'stop') void loket.stop().finally(() => post({ type: 'stopped' }));
    });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

port.once('message', (message: { type: 'start'; bronnen: BronnenConfig; accessSettings: AccessSettings }) => void start(message.bronnen, message.accessSettings));
