import type { Hit } from '../types.js';

/**
 * Keeps at most `max` passages of each article, in rank order; the ids of the others are folded under the
 * article's best hit, so one outsized file cannot fill the results (nor the reader's view).
 */
export function foldPerArticle(hits: Hit[], max: number): Hit[] {
  const best = new Map<string, Hit>();
  const shown = new Map<string, number>();
  const kept: Hit[] = [];
  for (const hit of hits) {
    const file = hit.passage.file;
    const n = shown.get(file) ?? 0;
    if (n < max) {
      shown.set(file, n + 1);
      if (!best.has(file)) best.set(file, hit);
      kept.push(hit);
    } else {
      const top = best.get(file)!;
      (top.folded ??= []).push(hit.passage.id);
    }
  }
  return kept;
}
