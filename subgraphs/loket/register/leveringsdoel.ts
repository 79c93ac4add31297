/**
 * Where a registered contact goes: the registering organisation's own source system, found in the
 * one source configuration (`adapters/bronnen.json`) by the organisation id that access tokens carry:
 * a gemeente's CBS code (`GM0193`) → the gemeente system serving that gemeente; `UWV` → UWV's system;
 * an SW-bedrijf's source system id (`sw-am36`), SBB's or the associations' system id → that system.
 * An organisation with no system of its own in the graph (a WSP, `WSP-AM36`) keeps its contacts in the
 * register only.
 */
import type { BronnenConfig } from '../../../adapters/kit/bronnen.js';
import type { Bron } from '../../../adapters/kit/vocabulary.js';

export interface Leveringsdoel {
  bron: Bron;
  bronSysteem: string;
}

export type VindLeveringsdoel = (organisatie: string) => Leveringsdoel | undefined;

export function leveringsdoelen(bronnen: BronnenConfig): VindLeveringsdoel {
  const doelen = new Map<string, Leveringsdoel>();
  for (const systeem of bronnen.gemeente) {
    for (const gemeente of systeem.gemeenten) doelen.set(gemeente, { bron: 'GEMEENTE', bronSysteem: systeem.id });
  }
  doelen.set('UWV', { bron: 'UWV', bronSysteem: bronnen.uwv.id });
  doelen.set(bronnen.uwv.id, { bron: 'UWV', bronSysteem: bronnen.uwv.id });
  for (const systeem of bronnen.swBedrijf) doelen.set(systeem.id, { bron: 'SW_BEDRIJF', bronSysteem: systeem.id });
  doelen.set(bronnen.onderwijs.id, { bron: 'ONDERWIJS', bronSysteem: bronnen.onderwijs.id });
  doelen.set(bronnen.werkgeversvereniging.id, { bron: 'WERKGEVERSVERENIGING', bronSysteem: bronnen.werkgeversvereniging.id });
  return (organisatie) => doelen.get(organisatie);
}
