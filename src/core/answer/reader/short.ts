import type { Analyzer } from '../../text/analyze.js';
import type { Lang, Span } from '../../types.js';
import { logit, softmax } from './logistic.js';
import type { ReaderQuestion } from './question.js';
import { readSentence, spanFeatures, type SentenceRead } from './span-features.js';
import { spanCandidates, type SpanCandidate } from './spans.js';
import type { ReaderWeights } from './weights.js';

/** A candidate span with its share of the softmax over its sentence's candidates. */
export interface ScoredSpan {
  candidate: SpanCandidate;
  features: number[];
  p: number;
}

/** The candidate spans of a sentence with their features, unscored. */
export function spansOf(question: ReaderQuestion, read: SentenceRead, sentence: Span): Omit<ScoredSpan, 'p'>[] {
  return spanCandidates(sentence, read.words).map((candidate) => ({ candidate, features: spanFeatures(question, read, candidate) }));
}

/** The spans of a sentence scored by the span model, best first. */
export function rankSpans(question: ReaderQuestion, sentence: Span, lang: Lang, analyzer: Analyzer, weights: Pick<ReaderWeights, 'span'>): ScoredSpan[] {
  const spans = spansOf(question, readSentence(question, sentence, lang, analyzer), sentence);
  if (spans.length === 0) return [];
  const shares = softmax(spans.map((s) => logit(weights.span, s.features)));
  return spans.map((s, i) => ({ ...s, p: shares[i] })).sort((a, b) => b.p - a.p);
}

/** Whether a span is shown as the short answer: a "why/how" question takes no short answer, and the span must be likely enough. */
export const shortFits = (question: Pick<ReaderQuestion, 'type'>, span: ScoredSpan | undefined, threshold: number): span is ScoredSpan =>
  span !== undefined && question.type !== 'reason' && span.p >= threshold;

/** The short answer inside a quoted sentence: the best span when it fits, else null. */
export function shortAnswer(question: ReaderQuestion, sentence: Span, lang: Lang, analyzer: Analyzer, weights: ReaderWeights): SpanCandidate | null {
  const best = rankSpans(question, sentence, lang, analyzer, weights)[0];
  return shortFits(question, best, weights.threshold.short) ? best.candidate : null;
}
