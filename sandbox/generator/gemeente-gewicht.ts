/**
 * How big each gemeente is in the sandbox, so candidates, vacancies and employers spread by size.
 * The shipped CBS file has no population, so the largest gemeenten get an approximate inhabitant
 * count (rounded, order of magnitude of recent CBS figures; for weighting synthetic data only) and
 * every other gemeente a seeded value between 8,000 and 60,000.
 */
import { referentie } from '../../schema/referentie/gemeenten.js';
import { createRandom } from './random.js';

const GROTE_GEMEENTEN: Record<string, number> = {
  Amsterdam: 930_000,
  Rotterdam: 670_000,
  "'s-Gravenhage": 560_000,
  Utrecht: 370_000,
  Eindhoven: 245_000,
  Groningen: 240_000,
  Tilburg: 225_000,
  Almere: 225_000,
  Breda: 185_000,
  Nijmegen: 180_000,
  Apeldoorn: 170_000,
  Arnhem: 165_000,
  Haarlem: 165_000,
  Haarlemmermeer: 160_000,
  Amersfoort: 160_000,
  Zaanstad: 160_000,
  Enschede: 160_000,
  "'s-Hertogenbosch": 160_000,
  Zwolle: 130_000,
  Leiden: 125_000,
  Zoetermeer: 125_000,
  Leeuwarden: 125_000,
  Maastricht: 120_000,
  Dordrecht: 120_000,
  Ede: 120_000,
  'Alphen aan den Rijn': 115_000,
  Westland: 115_000,
  Alkmaar: 110_000,
  Emmen: 110_000,
  Delft: 105_000,
  Venlo: 100_000,
  Deventer: 100_000,
};

/** Approximate inhabitants per gemeentecode (deterministic). */
export function gemeenteGewichten(): Map<string, number> {
  const random = createRandom(342);
  const weights = new Map<string, number>();
  for (const gemeente of referentie().gemeenten) {
    weights.set(gemeente.code, GROTE_GEMEENTEN[gemeente.naam] ?? random.int(8_000, 60_000));
  }
  return weights;
}
