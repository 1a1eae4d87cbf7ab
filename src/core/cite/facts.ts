import { distance } from 'fastest-levenshtein';
import { conceptsOf, type Analyzer } from '../text/analyze.js';
import type { NormWord } from './normalize.js';
import { isStopword } from '../text/stopwords.js';

/**
 * The facts a quote must not get wrong: its numbers and its names. A quote with a number or a name the
 * source does not have is a different claim however many other words it shares, so each one missing
 * multiplies the score down.
 */
export const MISSING_NUMBER = 0.4;
export const MISSING_NAME = 0.5;
export const CONTRADICTION = 0.5;
/** Paraphrases share fewer words, so a wrong fact is the stronger signal there. */
export const SEMANTIC_PENALTY = 0.6;

/** Similarity of two words by edit distance, 0 below `floor`; numbers only ever equal themselves. */
export function wordSimilarity(a: string, b: string, floor = 0.75): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 4 || /\p{N}/u.test(a) || /\p{N}/u.test(b)) return 0;
  if (Math.abs(a.length - b.length) / longest > 1 - floor) return 0;
  const s = 1 - distance(a, b) / longest;
  return s >= floor ? s : 0;
}

/** Whether a capitalised word of the quote is a name (not a sentence start, stopword or dictionary word). */
export function isName(word: NormWord, index: number): boolean {
  if (!word.capital || word.number !== null || index === 0) return false;
  if (isStopword(word.word)) return false;
  return true;
}

/** Pairs of words whose swap turns a claim into its opposite, in both languages. */
const OPPOSITES: [string, string][] = [
  ['continue', 'stop'], ['continue', 'halt'], ['continue', 'end'], ['melanjutkan', 'menghentikan'], ['lanjut', 'henti'],
  ['growing', 'decline'], ['growth', 'decline'], ['increase', 'decrease'], ['increasing', 'declining'], ['growing', 'declining'], ['positive', 'negative'],
  ['meningkat', 'menurun'], ['peningkatan', 'penurunan'], ['positif', 'negatif'], ['tumbuh', 'turun'],
  ['despite', 'because'], ['meskipun', 'karena'], ['lifted', 'imposed'], ['dicabut', 'diberlakukan'],
];

/**
 * How much to trust that `window` says what `quote` says, judged on facts alone: 1 when every number
 * and name of the quote is there, lower for each one missing and for each word swapped for its opposite.
 * Across languages a capitalised dictionary word (a month, a day) may also match through its translation.
 */
export function factFactor(quote: NormWord[], window: NormWord[], analyzer: Analyzer, { crossLanguage = false } = {}): number {
  const numbers = new Set(window.map((w) => w.number).filter((n): n is string => n !== null));
  const words = new Set(window.map((w) => w.word));
  const quoteWords = new Set(quote.map((w) => w.word));
  let windowConcepts: Set<number> | undefined;
  const penalty = crossLanguage ? SEMANTIC_PENALTY : 1;
  let factor = 1;
  quote.forEach((q, i) => {
    if (q.number !== null) {
      if (!numbers.has(q.number)) factor *= MISSING_NUMBER * penalty;
      return;
    }
    if (!isName(q, i)) return;
    if (words.has(q.word)) return;
    for (const w of words) if (wordSimilarity(q.word, w, 0.7) > 0) return;
    if (crossLanguage) {
      // A translatable capitalised word (a month, a day, "Russian") may appear translated.
      const concepts = conceptsOf(q.word, analyzer);
      if (concepts.length > 0) {
        windowConcepts ??= new Set([...words].flatMap((w) => conceptsOf(w, analyzer)));
        if (concepts.some((c) => windowConcepts!.has(c))) return;
      }
    }
    factor *= MISSING_NAME * penalty;
  });
  for (const [a, b] of OPPOSITES) {
    if ((quoteWords.has(a) && !words.has(a) && words.has(b)) || (quoteWords.has(b) && !words.has(b) && words.has(a))) factor *= CONTRADICTION;
  }
  return factor;
}
