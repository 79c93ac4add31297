/** A small seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks `n` distinct items (or all when fewer). */
  sample<T>(items: readonly T[], n: number): T[];
  /** Picks an index with probability proportional to `cumulative` weights (ascending totals). */
  weightedIndex(cumulative: readonly number[]): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    sample: (items, n) => {
      const copy = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0] as (typeof items)[number]);
      return out;
    },
    weightedIndex: (cumulative) => {
      const total = cumulative[cumulative.length - 1] ?? 0;
      const target = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}
