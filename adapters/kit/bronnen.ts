/**
 * Which partner source systems exist, for which region and gemeenten: one configuration file,
 * `adapters/bronnen.json`. Adding a gemeente system is an entry there; adding a new kind of partner
 * system is an adapter folder. URLs may hold `${NAME}` placeholders, filled from the environment
 * (or from the overrides a test or the stack passes) with the defaults below.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const BRON_URL_DEFAULTS = {
  GEMEENTE_BRON_URL: 'http://127.0.0.1:4102',
  UWV_BRON_URL: 'http://127.0.0.1:4103',
  SW_BEDRIJF_BRON_URL: 'http://127.0.0.1:4104',
  ONDERWIJS_BRON_URL: 'http://127.0.0.1:4105',
  WERKGEVERSVERENIGING_BRON_URL: 'http://127.0.0.1:4106',
} as const;
export type BronUrlVariable = keyof typeof BRON_URL_DEFAULTS;

const GemeenteBron = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  formaat: z.enum(['json', 'csv']),
  regio: z.string().regex(/^AM\d{2}$/),
  gemeenten: z.array(z.string().regex(/^GM\d{4}$/)).min(1),
  url: z.string(),
});
const RegionaleBron = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), regio: z.string().regex(/^AM\d{2}$/), naam: z.string(), url: z.string() });
const LandelijkeBron = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), naam: z.string(), url: z.string() });

export const BronnenConfig = z.object({
  gemeente: z.array(GemeenteBron),
  uwv: LandelijkeBron,
  swBedrijf: z.array(RegionaleBron),
  onderwijs: LandelijkeBron,
  werkgeversvereniging: LandelijkeBron,
});
export type BronnenConfig = z.infer<typeof BronnenConfig>;
export type GemeenteBronConfig = z.infer<typeof GemeenteBron>;
export type RegionaleBronConfig = z.infer<typeof RegionaleBron>;
export type LandelijkeBronConfig = z.infer<typeof LandelijkeBron>;

export const BRONNEN_PATH = new URL('../bronnen.json', import.meta.url);

/** Reads and validates the source configuration, filling `${NAME}` placeholders. */
export function loadBronnen(overrides: Partial<Record<BronUrlVariable, string>> = {}, env: NodeJS.ProcessEnv = process.env): BronnenConfig {
  const text = readFileSync(BRONNEN_PATH, 'utf8').replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    const value = overrides[name as BronUrlVariable] ?? env[name] ?? BRON_URL_DEFAULTS[name as BronUrlVariable];
    if (value === undefined) throw new Error(`adapters/bronnen.json: unknown placeholder \${${name}}`);
    return value.replace(/\/$/, '');
  });
  const parsed = BronnenConfig.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`adapters/bronnen.json: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
