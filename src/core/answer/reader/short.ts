import type { Analyzer } from '../../text/analyze.js';
import type { Lang, Span } from '../../types.js';
import { logit, softmax } from './logistic.js';
import type { ReaderQuestion } from './question.js';
import { readSentence, spanFeatures, type SentenceRead } from './span-features.js';
import { scoreIn, spanCandidates, wholeName, withCounted, type SpanCandidate } from './spans.js';
import { asksScore } from './asks.js';
import type { ReaderWeights } from './weights.js';

/** A candidate span with its share of the softmax over its sentence's candidates. */
export interface ScoredSpan {
  candidate: SpanCandidate;
  features: number[];
  p: number;
}

/** The candidate spans of a sentence with their features, unscored. */
export function spansOf(question: ReaderQuestion, read: SentenceRead, sentence: Span): Omit<ScoredSpan, 'p'>[] {
  return spanCandidates(sentence, read.words).map((candidate) => ({
    candidate,
    features: spanFeatures(question, read, candidate),
  }));
}

/** Spans scored by the span model, best first. */
function scoreSpans(spans: Omit<ScoredSpan, 'p'>[], weights: Pick<ReaderWeights, 'span'>): ScoredSpan[] {
  if (spans.length === 0) return [];
  const shares = softmax(spans.map((s) => logit(weights.span, s.features)));
  return spans.map((s, i) => ({ ...s, p: shares[i] })).sort((a, b) => b.p - a.p);
}

/** The spans of a sentence scored by the span model, best first. */
export const rankSpans = (
  question: ReaderQuestion,
  sentence: Span,
  lang: Lang,
  analyzer: Analyzer,
  weights: Pick<ReaderWeights, 'span'>,
): ScoredSpan[] => scoreSpans(spansOf(question, readSentence(question, sentence, lang, analyzer), sentence), weights);

/** The F1 of two ranges' shared length: how much two spans of one sentence agree (in words or characters). */
export function rangeF1(aFrom: number, aTo: number, bFrom: number, bTo: number): number {
  const shared = Math.min(aTo, bTo) - Math.max(aFrom, bFrom);
  if (shared <= 0) return 0;
  const precision = shared / (aTo - aFrom);
  const recall = shared / (bTo - bFrom);
  return (2 * precision * recall) / (precision + recall);
}

/** The likeliest span with the token F1 it is expected to score, if the model's shares are the chances of each span being the answer. */
export interface ShortChoice extends ScoredSpan {
  expectedF1: number;
}

/**
 * The likeliest span (spans ranked best first), with its expected token F1 under the model's shares:
 * the same answer written at different extents ("Amir Abdollahian", "Hossein Amir Abdollahian")
 * pools its probability instead of splitting it, in proportion to how much the extents agree.
 */
export function chooseSpan(ranked: readonly ScoredSpan[]): ShortChoice | undefined {
  const best = ranked[0];
  if (!best) return undefined;
  let expectedF1 = 0;
  const { from, to } = best.candidate;
  // Token F1 between two candidates of one sentence, from their word ranges.
  for (const other of ranked) expectedF1 += other.p * rangeF1(from, to, other.candidate.from, other.candidate.to);
  return { ...best, expectedF1 };
}

/** Whether a span is shown as the short answer: a "why/how" question takes no short answer, and the span's expected F1 must be high enough. */
export const shortFits = (
  question: Pick<ReaderQuestion, 'type'>,
  span: ShortChoice | undefined,
  threshold: number,
): span is ShortChoice => span !== undefined && question.type !== 'reason' && span.expectedF1 >= threshold;

/** The span shown for the likeliest one: a person's name whole, a match's score alone, a count with what is counted. */
function shown(question: ReaderQuestion, read: SentenceRead, sentence: Span, c: SpanCandidate): SpanCandidate {
  if (asksScore(question.kinds)) return scoreIn(sentence, read.words, c);
  if (question.type === 'person') return wholeName(sentence, read.words, c, (i) => read.matches[i] >= 0);
  if (question.type === 'number') return withCounted(sentence, read.words, c, (w) => question.kinds.has(w.lower));
  return c;
}

/** The likeliest span of a quoted sentence, and the short answer shown from it when it fits (a person's name shown whole, a match's score alone, a count with what is counted), else null. */
export function shortAnswer(
  question: ReaderQuestion,
  sentence: Span,
  lang: Lang,
  analyzer: Analyzer,
  weights: ReaderWeights,
): { choice: ShortChoice | undefined; span: SpanCandidate | null } {
  const read = readSentence(question, sentence, lang, analyzer);
  const choice = chooseSpan(scoreSpans(spansOf(question, read, sentence), weights));
  if (!shortFits(question, choice, weights.threshold.short)) return { choice, span: null };
  return { choice, span: shown(question, read, sentence, choice.candidate) };
}
