/**
 * Writes `adapters/bronnen.json`, the source configuration for the sandbox deployment: per region
 * one or two gemeente JSON systems (the larger gemeenten, the centrumgemeente-sized one first) and a
 * CSV export for the small gemeenten (under 30,000 inhabitants), one SW-bedrijf per region, and the
 * national UWV, SBB/onderwijs and werkgeversvereniging systems. Run: `npx tsx sandbox/generator/make-bronnen.ts`.
 * The file is committed; editing it by hand (a real deployment) is fine.
 */
import { writeFileSync } from 'node:fs';
import { BRONNEN_PATH, type BronnenConfig } from '../../adapters/kit/bronnen.js';
import { referentie } from '../../schema/referentie/gemeenten.js';
import { gemeenteGewichten } from './gemeente-gewicht.js';

const KLEIN = 30_000;

export function makeBronnen(): BronnenConfig {
  const weights = gemeenteGewichten();
  const config: BronnenConfig = {
    gemeente: [],
    uwv: { id: 'uwv', naam: 'UWV Suwinet-koppelvlak (sandbox)', url: '${UWV_BRON_URL}' },
    swBedrijf: [],
    onderwijs: { id: 'sbb', naam: 'SBB/ROC onderwijsservice (sandbox)', url: '${ONDERWIJS_BRON_URL}' },
    werkgeversvereniging: { id: 'wv', naam: 'Werkgeversverenigingen JSON:API (sandbox)', url: '${WERKGEVERSVERENIGING_BRON_URL}' },
  };
  for (const regio of referentie().regios) {
    const sorted = [...regio.gemeenten].sort((a, b) => (weights.get(b.code) ?? 0) - (weights.get(a.code) ?? 0));
    const [grootste, ...rest] = sorted;
    if (!grootste) continue;
    const groot = rest.filter((g) => (weights.get(g.code) ?? 0) >= KLEIN);
    const klein = rest.filter((g) => (weights.get(g.code) ?? 0) < KLEIN);
    const a = [grootste, ...groot.filter((_, i) => i % 2 === 0)];
    const b = groot.filter((_, i) => i % 2 === 1);
    const prefix = `gm-${regio.code.toLowerCase()}`;
    const add = (suffix: string, formaat: 'json' | 'csv', gemeenten: typeof a) => {
      if (gemeenten.length === 0) return;
      const id = `${prefix}-${suffix}`;
      const path = formaat === 'json' ? 'systemen' : 'exports';
      config.gemeente.push({ id, formaat, regio: regio.code, gemeenten: gemeenten.map((g) => g.code).sort(), url: `\${GEMEENTE_BRON_URL}/${path}/${id}` });
    };
    add('a', 'json', a);
    add('b', 'json', b);
    add('csv', 'csv', klein);
    config.swBedrijf.push({ id: `sw-${regio.code.toLowerCase()}`, regio: regio.code, naam: `SW-bedrijf ${regio.naam}`, url: `\${SW_BEDRIJF_BRON_URL}/bedrijven/sw-${regio.code.toLowerCase()}` });
  }
  return config;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(BRONNEN_PATH, JSON.stringify(makeBronnen(), null, 2) + '\n');
  console.log(`wrote ${BRONNEN_PATH.pathname}`);
}
