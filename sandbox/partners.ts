/**
 * Starts the five simulated partner systems over one world: on the ports of `adapters/bronnen.json`'s
 * defaults (4102–4106), or on free ports for tests. Used by the whole stack and by `serve.ts`.
 */
import { BRON_URL_DEFAULTS, loadBronnen, type BronnenConfig, type BronUrlVariable } from '../adapters/kit/bronnen.js';
import type { World } from './generator/world-types.js';
import { startGemeenteSandbox } from './gemeente/server.js';
import type { PartnerServer, SandboxKnobs } from './kit/partner-server.js';
import { startOnderwijsSandbox } from './onderwijs/server.js';
import { startSwBedrijfSandbox } from './sw-bedrijf/server.js';
import { startUwvSandbox } from './uwv/server.js';
import { startWerkgeversverenigingSandbox } from './werkgeversvereniging/server.js';

export type PartnerName = 'gemeente' | 'uwv' | 'sw-bedrijf' | 'onderwijs' | 'werkgeversvereniging';

const URL_VARIABLE: Record<PartnerName, BronUrlVariable> = {
  gemeente: 'GEMEENTE_BRON_URL',
  uwv: 'UWV_BRON_URL',
  'sw-bedrijf': 'SW_BEDRIJF_BRON_URL',
  onderwijs: 'ONDERWIJS_BRON_URL',
  werkgeversvereniging: 'WERKGEVERSVERENIGING_BRON_URL',
};

export interface SandboxesOptions {
  /** `default`: ports 4102–4106; `ephemeral`: free ports. */
  ports?: 'default' | 'ephemeral';
  host?: string;
  knobs?: Partial<Record<PartnerName, Partial<SandboxKnobs>>>;
}

export interface Sandboxes {
  servers: Record<PartnerName, PartnerServer>;
  /** The source configuration pointing at these servers. */
  bronnen: BronnenConfig;
  close(): Promise<void>;
}

export async function startSandboxes(world: World, options: SandboxesOptions = {}): Promise<Sandboxes> {
  const template = loadBronnen({});
  const start = {
    gemeente: startGemeenteSandbox,
    uwv: startUwvSandbox,
    'sw-bedrijf': startSwBedrijfSandbox,
    onderwijs: startOnderwijsSandbox,
    werkgeversvereniging: startWerkgeversverenigingSandbox,
  } satisfies Record<PartnerName, unknown>;
  const names = Object.keys(start) as PartnerName[];
  const results = await Promise.allSettled(
    names.map((name) =>
      start[name](world, template, {
        host: options.host ?? '127.0.0.1',
        port: options.ports === 'ephemeral' ? 0 : Number(new URL(BRON_URL_DEFAULTS[URL_VARIABLE[name]]).port),
        knobs: options.knobs?.[name],
      }),
    ),
  );
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((s) => s.close()));
    throw failed.reason;
  }
  const servers = Object.fromEntries(names.map((name, i) => [name, running[i] as PartnerServer])) as Record<PartnerName, PartnerServer>;
  return {
    servers,
    bronnen: loadBronnen(Object.fromEntries(names.map((name) => [URL_VARIABLE[name], servers[name].url]))),
    close: async () => {
      await Promise.all(Object.values(servers).map((s) => s.close()));
    },
  };
}
