import { distance } from 'fastest-levenshtein';
import { conceptsOf, type Analyzer } from '../text/analyze.js';
import type { NormWord } from './normalize.js';
import { isStopword } from '../text/stopwords.js';
import { isName } from '../text/names.js';
import { oppositesSwapped } from '../text/antonyms.js';

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

/** Whether a word of the quote is a name (text/names.ts) that is neither a number nor a stopword. */
function isQuoteName(word: NormWord, index: number): boolean {
  return isName(word, index === 0) && word.number === null && !isStopword(word.word);
}

/**
 * How much to trust that `window` says what `quote` says, judged on facts alone: 1 when every number
 * and name of the quote is there, lower for each one missing and for each word swapped for its opposite.
 * Across languages a capitalised dictionary word (a month, a day) may also match through its translation.
 */
export function factFactor(
  quote: NormWord[],
  window: NormWord[],
  analyzer: Analyzer,
  { crossLanguage = false } = {},
): number {
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
    if (!isQuoteName(q, i)) return;
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
  factor *= CONTRADICTION ** oppositesSwapped(quoteWords, words);
  return factor;
}
