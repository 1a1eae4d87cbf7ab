/** Reciprocal rank fusion: each list adds weight / (k + rank) to an item; the usual k is 60. */
export function reciprocalRankFusion(lists: { ids: string[]; weight: number }[], k = 60): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return scores;
}
