import { UserError, isUserError } from '../errors.js';
import type { Answer } from '../types.js';
import type { EvalQuestion } from './dataset.js';
import type { EvalOutcome } from './metrics.js';

/** An answer, optionally with the number of citation markers that pointed at no passage (generative answerers). */
export type EvalAnswer = Answer & { invalidMarkers?: number };

/** Answers one evaluation question; retrieval should honour `question.filters` and `k`. */
export type AskFn = (question: EvalQuestion, options: { k: number; signal?: AbortSignal }) => Promise<EvalAnswer>;

export interface RunOptions {
  /** Passages to retrieve per question; ranks count the top k distinct articles. */
  k: number;
  signal?: AbortSignal;
  /** Called after each question with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Clock in milliseconds; default `performance.now`. */
  now?: () => number;
}

const cancelled = () => new UserError('CANCELLED', 'Evaluation cancelled.');

function positiveInteger(value: number, name: string): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new UserError('BAD_FLAG', `${name} must be a positive whole number, got ${value}.`, {
    hint: 'Use e.g. 10.',
  });
}

/** The outcome of one answered question. */
export function outcomeOf(question: EvalQuestion, answer: EvalAnswer, latencyMs: number): EvalOutcome {
  const outcome: EvalOutcome = {
    question,
    // A passage collapsed into a hit as the same story was retrieved too, right behind it.
    retrievedFiles: answer.hits.flatMap((hit) => [hit.passage.file, ...hit.related.map((r) => r.file)]),
    answer: answer.answer,
    abstained: answer.abstained,
    citedFiles: answer.citations.map((citation) => citation.file),
    citedTexts: answer.citations.map((citation) => citation.text),
    latencyMs,
  };
  if (answer.short) outcome.short = answer.short.text;
  if (answer.support) outcome.support = answer.support.text;
  const checked = answer.citations.filter((citation) => citation.verified !== undefined);
  if (checked.length > 0) {
    outcome.citationsTotal = checked.length;
    outcome.citationsVerified = checked.filter((citation) => citation.verified).length;
  }
  if (typeof answer.invalidMarkers === 'number') outcome.invalidMarkers = answer.invalidMarkers;
  return outcome;
}

/** The outcome of a question whose answering failed: nothing retrieved, nothing answered. */
export const failedOutcome = (question: EvalQuestion, error: unknown, latencyMs: number): EvalOutcome => ({
  question,
  retrievedFiles: [],
  answer: '',
  abstained: false,
  citedFiles: [],
  latencyMs,
  error: error instanceof Error ? error.message : String(error),
});

/**
 * Asks every question, one after another, and returns the outcomes in question order (a conversation's
 * turns rely on it). A `UserError` from `ask` stops the run; any other error is recorded as a failed
 * outcome. The signal is checked before each question.
 */
export async function collectOutcomes(
  questions: EvalQuestion[],
  ask: AskFn,
  options: RunOptions,
): Promise<EvalOutcome[]> {
  const k = positiveInteger(options.k, 'k');
  const { signal, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const outcomes: EvalOutcome[] = [];
  for (const question of questions) {
    if (signal?.aborted) throw cancelled();
    const started = now();
    try {
      outcomes.push(outcomeOf(question, await ask(question, { k, signal }), now() - started));
    } catch (error) {
      if (isUserError(error)) throw error;
      if (signal?.aborted) throw cancelled();
      outcomes.push(failedOutcome(question, error, now() - started));
    }
    onProgress?.(outcomes.length, questions.length);
  }
  return outcomes;
}
