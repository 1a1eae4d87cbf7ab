import type { Hit } from '../types.js';

/** Whether a hit holds at least one of the query's terms: a hit found only by vector closeness is no search result. */
const matchesATerm = (hit: Hit): boolean => (hit.why.lexical ?? 0) > 0;

/** How many times deeper than asked a search for passages holding a term looks, at most. */
const DEEPEST = 64;

/**
 * The first `k` hits that hold one of the query's terms, with how many hits were read and the time of
 * every search made (`ms`). Passages found by
 * vector closeness alone can fill the first `k` before any passage holding a term is read (one outsized
 * article's passages folded, the other articles close only in meaning), so the search is asked for four
 * times as many, up to DEEPEST times, until `k` hold a term or none was left out.
 */
export async function termMatches<T extends { hits: Hit[]; ms: number }>(
  search: (k: number) => Promise<T>,
  k: number,
): Promise<T & { read: number }> {
  let ms = 0;
  for (let depth = k; ; depth *= 4) {
    const found = await search(depth);
    ms += found.ms;
    const hits = found.hits.filter(matchesATerm);
    if (hits.length >= k || hits.length === found.hits.length || found.hits.length < depth || depth >= k * DEEPEST)
      return { ...found, ms, hits: hits.slice(0, k), read: found.hits.length };
  }
}
