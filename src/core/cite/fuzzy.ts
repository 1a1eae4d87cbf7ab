import type { Analyzer } from '../text/analyze.js';
import { factFactor, wordSimilarity } from './facts.js';
import type { NormWord } from './normalize.js';
import { isStopword } from '../text/stopwords.js';

/** A run of consecutive sentences of an article and their (fuzzy) words. */
export interface SentenceWords {
  start: number;
  end: number;
  words: NormWord[];
}

export interface Alignment {
  start: number;
  end: number;
  score: number;
  /** Share of the quote's (weighted) words found in the span, before the fact check. */
  coverage: number;
}

/** The longest run of sentences a fuzzy match may span. */
export const MAX_WINDOW = 3;
const STOPWORD_WEIGHT = 0.4;

/**
 * For each word of the quote, how well one sentence contains it: 1 for the same word, less for a typo
 * ("telpon"/"telepon"), and words written together or apart ("kerjasama"/"kerja sama") meet as well.
 */
function bestPerWord(quote: NormWord[], sentence: NormWord[]): number[] {
  const pool = new Set<string>();
  sentence.forEach((w, i) => {
    pool.add(w.word);
    if (i + 1 < sentence.length) pool.add(w.word + sentence[i + 1].word);
  });
  const best = quote.map((q) => {
    if (pool.has(q.word)) return 1;
    let b = 0;
    for (const w of pool) if (b < 1) b = Math.max(b, wordSimilarity(q.word, w));
    return b;
  });
  for (let i = 0; i + 1 < quote.length; i++) {
    const joined = quote[i].word + quote[i + 1].word;
    if (pool.has(joined)) best[i] = best[i + 1] = 1;
  }
  return best;
}

/**
 * The run of 1 to MAX_WINDOW sentences that best contains the quote's words, in any order: typos,
 * abbreviations (already expanded), a missing word or a new word order all still score high, and a
 * wrong number or name is penalised by the fact check. The span covers the whole sentences.
 */
export function alignFuzzy(quote: NormWord[], sentences: SentenceWords[], analyzer: Analyzer): Alignment | null {
  if (quote.length === 0 || sentences.length === 0) return null;
  const weights = quote.map((q) => (isStopword(q.word) ? STOPWORD_WEIGHT : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const perSentence = sentences.map((s) => bestPerWord(quote, s.words));
  let best: (Alignment & { rank: number }) | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const best1 = quote.map(() => 0);
    let words = 0;
    for (let j = i; j < Math.min(sentences.length, i + MAX_WINDOW); j++) {
      perSentence[j].forEach((b, n) => (best1[n] = Math.max(best1[n], b)));
      words += sentences[j].words.length;
      const coverage = best1.reduce((sum, b, n) => sum + b * weights[n], 0) / total;
      const precision = Math.min(1, quote.length / words);
      const rank = coverage + 0.1 * precision;
      if (!best || rank > best.rank + 1e-9) {
        const window = sentences.slice(i, j + 1).flatMap((s) => s.words);
        best = {
          start: sentences[i].start,
          end: sentences[j].end,
          coverage,
          score: coverage * factFactor(quote, window, analyzer),
          rank,
        };
      }
    }
  }
  return best && { start: best.start, end: best.end, score: best.score, coverage: best.coverage };
}
