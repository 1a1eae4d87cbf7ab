/*
 * Scoring an answer's text against gold answers: the word-boundary "hit", and SQuAD-2 style exact
 * match and token F1. Both compare normalised text, so case, punctuation and spacing never decide.
 */

/** Lower case, Unicode letters, digits and combining marks kept, everything else a single space. */
export const normaliseText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();

/**
 * Whether the text contains one of the expected strings as whole words, after normalisation:
 * "lima" is not found in "limapuluh", "empat" not in "tempat"; "23/8" matches "23/8".
 */
export function answerMatches(text: string, expected: string[]): boolean {
  const padded = ` ${normaliseText(text)} `;
  return expected.some((candidate) => {
    const needle = normaliseText(candidate);
    return needle !== '' && padded.includes(` ${needle} `);
  });
}

/**
 * Words dropped before exact match and F1, as SQuAD does: the English articles. Indonesian has no
 * articles, and its particles (-lah, -kah, -pun, -nya) are bound to their word, so nothing is dropped
 * for it: cutting them off would also cut names.
 */
const IGNORED_WORDS = new Set(['a', 'an', 'the']);

/** The words of a text as exact match and F1 compare them. */
export const answerTokens = (text: string): string[] =>
  normaliseText(text)
    .split(' ')
    .filter((word) => word !== '' && !IGNORED_WORDS.has(word));

/** 1 when the normalised texts are equal, else 0. */
export const exactMatch = (prediction: string, gold: string): number =>
  answerTokens(prediction).join(' ') === answerTokens(gold).join(' ') ? 1 : 0;

/** Harmonic mean of word precision and recall (words counted with multiplicity); two empty texts score 1. */
export function tokenF1(prediction: string, gold: string): number {
  const predicted = answerTokens(prediction);
  const wanted = answerTokens(gold);
  if (predicted.length === 0 || wanted.length === 0) return predicted.length === wanted.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const word of wanted) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of predicted) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / wanted.length;
  return (2 * precision * recall) / (precision + recall);
}

export interface AnswerScore {
  exactMatch: number;
  f1: number;
}

/**
 * SQuAD-2 scoring of one answer: best over the gold answers; an abstention scores 1 on an
 * unanswerable question and 0 on an answerable one, and an answer to an unanswerable question 0.
 * Null when there is nothing to score against (an answerable question that lists no answers).
 */
export function scoreAnswer(
  prediction: string,
  abstained: boolean,
  answers: string[],
  unanswerable: boolean,
): AnswerScore | null {
  if (unanswerable) {
    const score = abstained ? 1 : 0;
    return { exactMatch: score, f1: score };
  }
  if (answers.length === 0) return null;
  if (abstained) return { exactMatch: 0, f1: 0 };
  return {
    exactMatch: Math.max(...answers.map((gold) => exactMatch(prediction, gold))),
    f1: Math.max(...answers.map((gold) => tokenF1(prediction, gold))),
  };
}

/** The number of words in a text, as the answer-length metric counts them. */
export const wordCount = (text: string): number =>
  normaliseText(text)
    .split(' ')
    .filter((word) => word !== '').length;

/** An answer's text without its citation markers ("[1]", "[2][3]"). */
export const withoutMarkers = (text: string): string => text.replace(/\s*\[\d+\]/g, '').trim();
