/**
 * DataLoaders for the SW-bedrijf subgraph. The companies only export whole files, so a batch of keys
 * downloads the needed file once per SW-bedrijf, however many keys it holds. Per key: the canonical
 * record; a `PartnerRecordError` when its row is malformed; the `PartnerUnavailableError` of its
 * company when that failed; null when no SW-bedrijf knows the key.
 */
import DataLoader from 'dataloader';
import type { RegionaleBronConfig } from '../kit/bronnen.js';
import type { PartnerKey } from '../kit/key-registry.js';
import { PartnerRecordError, PartnerUnavailableError } from '../kit/partner-errors.js';
import type { Pseudonymize } from '../kit/pseudonym.js';
import type { SwBedrijfClient } from './client.js';
import { toSwDetacheringen, toSwMedewerker } from './map.js';
import type { MedewerkerIdentiteit, MedewerkerRij, WerkgeverIdentiteit, WerkgeverRij } from './payload-schemas.js';
import { readMedewerkers, readWerkgevers, type IdentifiedRow } from './read-exports.js';
import type { SwDetacheringen, SwMedewerker } from './records.js';
import type { SwRegistries } from './registries.js';

export interface SwBedrijfLoaders {
  /** Pseudonym → the person's employment at an SW-bedrijf, or null. */
  medewerker: DataLoader<string, SwMedewerker | null>;
  /** KvK number → what the SW-bedrijven second there (possibly zero), or null when none knows the employer. */
  detacheringen: DataLoader<string, SwDetacheringen | null>;
}

export interface SwLoaderDeps {
  bedrijven: ReadonlyMap<string, RegionaleBronConfig>;
  client: SwBedrijfClient;
  pseudonymize: Pseudonymize;
  registries: SwRegistries;
}

/** One company's export file, its rows by the partner's key. */
interface GelezenBestand<R> {
  bron: RegionaleBronConfig;
  rows: Map<string, R>;
}

type PerBedrijf<R> = Map<string, GelezenBestand<R> | PartnerUnavailableError>;

/** Reads one file of each company named in `keys`, each company once and all in parallel. */
async function readPerBedrijf<R>(keys: readonly PartnerKey[], deps: SwLoaderDeps, read: (bron: RegionaleBronConfig) => Promise<Map<string, R>>): Promise<PerBedrijf<R>> {
  const systemen = [...new Set(keys.map((key) => key.bronSysteem))];
  const results = await Promise.allSettled(
    systemen.map(async (bronSysteem) => {
      const bron = deps.bedrijven.get(bronSysteem);
      if (!bron) throw new PartnerUnavailableError('SW_BEDRIJF', bronSysteem, 'NIET_GECONFIGUREERD');
      return { bron, rows: await read(bron) };
    }),
  );
  const perBedrijf: PerBedrijf<R> = new Map();
  results.forEach((result, i) => {
    const bronSysteem = systemen[i] as string;
    if (result.status === 'fulfilled') perBedrijf.set(bronSysteem, result.value);
    else if (result.reason instanceof PartnerUnavailableError) perBedrijf.set(bronSysteem, result.reason);
    else throw result.reason;
  });
  return perBedrijf;
}

type MedewerkerRow = IdentifiedRow<MedewerkerIdentiteit, MedewerkerRij>;
type WerkgeverRow = IdentifiedRow<WerkgeverIdentiteit, WerkgeverRij>;

function resolveMedewerker(id: string, keys: readonly PartnerKey[], files: PerBedrijf<MedewerkerRow>): SwMedewerker | Error | null {
  let fout: Error | null = null;
  for (const key of keys) {
    const file = files.get(key.bronSysteem);
    if (file instanceof PartnerUnavailableError) {
      fout ??= file;
      continue;
    }
    const row = file?.rows.get(key.sleutel);
    // A personeelsnummer given to someone else since the warm-up is not this person.
    if (!file || !row || row.identity.id !== id) continue;
    if (row.rij) return toSwMedewerker(id, row.rij, file.bron);
    if (row.issue) fout ??= new PartnerRecordError(row.issue);
  }
  return fout;
}

function resolveDetacheringen(kvkNummer: string, keys: readonly PartnerKey[], files: PerBedrijf<WerkgeverRow>): SwDetacheringen | Error | null {
  const perBedrijf: { bron: RegionaleBronConfig; rij: WerkgeverRij }[] = [];
  for (const key of keys) {
    const file = files.get(key.bronSysteem);
    if (file instanceof PartnerUnavailableError) return file;
    const row = file?.rows.get(kvkNummer);
    if (!file || !row) continue;
    if (row.issue) return new PartnerRecordError(row.issue);
    if (row.rij) perBedrijf.push({ bron: file.bron, rij: row.rij });
  }
  return toSwDetacheringen(kvkNummer, perBedrijf);
}

export function createSwBedrijfLoaders(deps: SwLoaderDeps): SwBedrijfLoaders {
  const medewerker = new DataLoader<string, SwMedewerker | null>(async (ids) => {
    const keys = ids.map((id) => deps.registries.medewerkers.get(id));
    const files = await readPerBedrijf(keys.flat(), deps, async (bron) => {
      const gelezen = readMedewerkers(await deps.client.download(bron.id, 'medewerkers'), bron, deps.pseudonymize);
      return new Map(gelezen.rows.map((row) => [row.identity.personeelsnummer, row]));
    });
    return ids.map((id, i) => resolveMedewerker(id, keys[i] ?? [], files));
  });

  const detacheringen = new DataLoader<string, SwDetacheringen | null>(async (kvkNummers) => {
    const keys = kvkNummers.map((kvk) => deps.registries.werkgevers.get(kvk));
    const files = await readPerBedrijf(keys.flat(), deps, async (bron) => {
      const gelezen = readWerkgevers(await deps.client.download(bron.id, 'werkgevers'), bron);
      return new Map(gelezen.rows.map((row) => [row.identity.kvk_nummer, row]));
    });
    return kvkNummers.map((kvk, i) => resolveDetacheringen(kvk, keys[i] ?? [], files));
  });

  return { medewerker, detacheringen };
}
