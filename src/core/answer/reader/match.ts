import { matchesWord, type QuestionWord } from '../../retrieve/coverage.js';
import type { Analyzer } from '../../text/analyze.js';
import type { Lang } from '../../types.js';
import type { Word } from './spans.js';

const PARTS = /[\p{L}\p{N}]+/gu;

/**
 * For each word of a text, the index of the question word it matches (its stems in both languages and
 * lexicon translations, names one edit apart), or -1.
 */
export function matchWords(question: QuestionWord[], words: Word[], lang: Lang, analyzer: Analyzer): number[] {
  return words.map((word) => {
    for (const part of word.lower.match(PARTS) ?? []) {
      const stem = analyzer.stem(part, lang);
      const q = question.findIndex((w) => matchesWord(w, part, stem));
      if (q >= 0) return q;
    }
    return -1;
  });
}
