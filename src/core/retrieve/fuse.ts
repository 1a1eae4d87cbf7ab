/** Reciprocal rank fusion: each list adds weight / (k + rank) to an item; the usual k is 60. */
export function reciprocalRankFusion(lists: { ids: string[]; weight: number }[], k = 60): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return scores;
}

/**
 * Score fusion: each list's scores are divided by its best score, then added with the list's weight.
 * Keeps how much better the top lexical match is, which rank fusion throws away.
 */
export function normalizedScoreFusion(
  lists: { hits: { id: string; score: number }[]; weight: number }[],
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { hits, weight } of lists) {
    const best = Math.max(...hits.map((h) => h.score), Number.EPSILON);
    for (const h of hits) scores.set(h.id, (scores.get(h.id) ?? 0) + (weight * Math.max(h.score, 0)) / best);
  }
  return scores;
}
