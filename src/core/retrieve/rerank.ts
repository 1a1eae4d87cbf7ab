import type { Analyzer } from '../text/analyze.js';
import type { Hit } from '../types.js';
import { coverage, type QuestionWord } from './coverage.js';

/** Orders equal scores (the same text in two files) by passage id, so that every store ranks alike. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The largest share of the question found in two adjacent sentences of the passage: a passage that
 * answers tends to hold the question's words close together, not scattered over unrelated sentences.
 */
export function closeCoverage(hit: Hit, words: QuestionWord[], analyzer: Analyzer): number {
  const { sentences } = hit.passage;
  let best = 0;
  for (let i = 0; i < sentences.length; i++) {
    const text = i + 1 < sentences.length ? `${sentences[i].text} ${sentences[i + 1].text}` : sentences[i].text;
    best = Math.max(best, coverage(words, text, hit.article.lang, analyzer).share);
  }
  return best;
}

/** Adds `weight` × close coverage to the score of the first `depth` hits and sorts them again. */
export function rerankByCoverage(hits: Hit[], words: QuestionWord[], analyzer: Analyzer, { weight, depth }: { weight: number; depth: number }): Hit[] {
  if (weight === 0 || words.length === 0) return hits;
  const head = hits.slice(0, depth).map((hit) => ({ ...hit, score: hit.score + weight * closeCoverage(hit, words, analyzer) }));
  return [...head.sort((a, b) => b.score - a.score || compareIds(a.passage.id, b.passage.id)), ...hits.slice(depth)];
}
