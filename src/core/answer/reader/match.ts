import { nearlyEqual, type QuestionWord } from '../../retrieve/coverage.js';
import type { Analyzer } from '../../text/analyze.js';
import type { Lang } from '../../types.js';
import type { Word } from './spans.js';

/** Which question words a stretch of text holds, and where. */
export interface Matches {
  /** For each question word: whether the text holds it. */
  found: boolean[];
  /** For each word of the text: the index of the question word it matches, or -1. */
  at: number[];
}

const PARTS = /[\p{L}\p{N}]+/gu;

/** Matches the question's words (their stems in both languages and lexicon translations, names one edit apart) against words of a text. */
export function matchWords(question: QuestionWord[], words: Word[], lang: Lang, analyzer: Analyzer): Matches {
  const found = question.map(() => false);
  const at = words.map((word) => {
    for (const part of word.lower.match(PARTS) ?? []) {
      const stem = analyzer.stem(part, lang);
      const q = question.findIndex((w) => w.forms.has(stem) || (w.name && nearlyEqual(part, w.word)));
      if (q >= 0) {
        found[q] = true;
        return q;
      }
    }
    return -1;
  });
  return { found, at };
}
