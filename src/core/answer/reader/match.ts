import { matchesWord, type QuestionWord } from '../../question/coverage.js';
import { isAcronym, WORD, type Analyzer } from '../../text/analyze.js';
import type { Lang } from '../../types.js';
import type { Word } from './spans.js';

/**
 * For each word of a text, the index of the question word it matches (its stems in both languages and
 * lexicon translations, names one edit apart), or -1.
 */
export function matchWords(question: QuestionWord[], words: Word[], lang: Lang, analyzer: Analyzer): number[] {
  return words.map((word) => {
    for (const part of word.text.match(WORD) ?? []) {
      const lower = part.toLowerCase();
      const stem = analyzer.stem(lower, lang);
      const q = question.findIndex((w) => matchesWord(w, lower, stem, isAcronym(part)));
      if (q >= 0) return q;
    }
    return -1;
  });
}
