import { answerMatches } from './answer-score.js';

/**
 * The ways an answer typically goes wrong once retrieval has done its part:
 * - `abstainedSourceFirst`: refused an answerable question although a source was ranked first;
 * - `wrongSentence`: answered, a source was retrieved, but the quoted text holds none of the answers;
 * - `answeredUnanswerable`: answered a question the articles do not answer.
 */
export const FAILURE_PATTERNS = ['abstainedSourceFirst', 'wrongSentence', 'answeredUnanswerable'] as const;

export type FailurePattern = (typeof FAILURE_PATTERNS)[number];

export const FAILURE_PATTERN_TITLES: Record<FailurePattern, string> = {
  abstainedSourceFirst: 'Abstained with the source ranked first',
  wrongSentence: 'Answered from the wrong sentence',
  answeredUnanswerable: 'Answered an unanswerable question',
};

export interface PatternInput {
  answers: string[];
  unanswerable: boolean;
  abstained: boolean;
  /** 1-based rank of the first source among the top k articles, null when none is there or there are no sources. */
  rank: number | null;
  /** The text quoted in support of the answer. */
  quoted: string;
  failed: boolean;
}

/** The failure pattern one answer shows, or null when it shows none. */
export function failurePattern(input: PatternInput): FailurePattern | null {
  if (input.failed) return null;
  if (input.unanswerable) return input.abstained ? null : 'answeredUnanswerable';
  if (input.abstained) return input.rank === 1 ? 'abstainedSourceFirst' : null;
  if (input.answers.length > 0 && input.rank !== null && !answerMatches(input.quoted, input.answers))
    return 'wrongSentence';
  return null;
}
