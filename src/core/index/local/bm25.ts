import type { WeightedTerm } from '../port.js';

/** Okapi BM25+ as kabar has always scored lexical matches (MiniSearch's defaults), and how fuzzy matches weigh. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5, fuzzyWeight: 0.45, maxFuzzy: 2 };

export interface Posting {
  passage: number;
  tf: number;
  /** Number of terms in the passage. */
  length: number;
}

/** What scoring needs from an inverted index. */
export interface PostingSource {
  documentCount: number;
  averageLength: number;
  df(term: string): number;
  postings(term: string): Iterable<Posting>;
  /** Indexed terms within `maxDistance` edits of `term` (the term itself excluded), with their distance. */
  similarTerms(term: string, maxDistance: number): { term: string; distance: number }[];
}

/**
 * Scores every passage holding a query term: the weighted sum of each matched term's BM25+ (fuzzy
 * matches weigh `fuzzyWeight · len / (len + distance)`), times the number of query terms matched.
 */
export function bm25Scores(source: PostingSource, terms: WeightedTerm[]): Map<number, number> {
  const { k, b, d, fuzzyWeight, maxFuzzy } = BM25;
  const sums = new Map<number, { score: number; matched: number }>();
  for (const query of terms) {
    const derived = [{ term: query.term, weight: 1 }];
    const maxDistance = query.fuzzy ? Math.min(maxFuzzy, Math.round(query.term.length * query.fuzzy)) : 0;
    if (maxDistance > 0) {
      for (const near of source.similarTerms(query.term, maxDistance)) derived.push({ term: near.term, weight: (fuzzyWeight * near.term.length) / (near.term.length + near.distance) });
    }
    const seen = new Set<number>();
    for (const { term, weight } of derived) {
      const df = source.df(term);
      if (df === 0) continue;
      const idf = Math.log(1 + (source.documentCount - df + 0.5) / (df + 0.5));
      for (const p of source.postings(term)) {
        const score = weight * query.weight * idf * (d + (p.tf * (k + 1)) / (p.tf + k * (1 - b + (b * p.length) / source.averageLength)));
        const sum = sums.get(p.passage);
        const first = !seen.has(p.passage);
        seen.add(p.passage);
        if (sum) {
          sum.score += score;
          if (first) sum.matched++;
        } else sums.set(p.passage, { score, matched: 1 });
      }
    }
  }
  const scores = new Map<number, number>();
  for (const [passage, { score, matched }] of sums) scores.set(passage, score * matched);
  return scores;
}
