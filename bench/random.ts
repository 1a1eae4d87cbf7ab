/** A seeded pseudo-random generator (mulberry32): the same seed gives the same corpus. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  /** A rank in [0, n) drawn with probability ∝ 1/(rank+1): a few items are frequent, most are rare. */
  zipf(n: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (below: number) => Math.floor(next() * below);
  // Inverse of the harmonic CDF, approximated with ln: P(rank < r) ≈ ln(r + 1) / ln(n + 1).
  const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1)) - 1));
  return { next, int, pick: (items) => items[int(items.length)], zipf };
}
