import type { Answer, ArticleSpan } from '../core/index.js';
import { citedWindow, snippet, type SpanParts } from './text.js';

/** Characters of the supporting sentence kept either side of the short answer. */
const SUPPORT_CONTEXT = 90;

/** The quote printed under a short answer: the supporting sentence around the short span, and its citation number. */
export interface SupportQuote {
  /** The sentence split around the short answer, each part safe one-line text, cut at words with "…". */
  parts: SpanParts;
  /** The number of the citation that holds the sentence, or null when none does. */
  n: number | null;
}

const inside = (
  inner: Pick<ArticleSpan, 'file' | 'start' | 'end'>,
  outer: Pick<ArticleSpan, 'file' | 'start' | 'end'>,
): boolean => inner.file === outer.file && outer.start <= inner.start && inner.end <= outer.end;

const overlaps = (
  a: Pick<ArticleSpan, 'file' | 'start' | 'end'>,
  b: Pick<ArticleSpan, 'file' | 'start' | 'end'>,
): boolean => a.file === b.file && a.start < b.end && b.start < a.end;

/**
 * The supporting quote of an answer that has a short answer, or null when it has none (the answer
 * text is then the whole answer, as for "why" questions or a generative answer).
 */
export function supportQuote(answer: Answer): SupportQuote | null {
  const { short, support } = answer;
  if (answer.abstained || !short || !support) return null;
  const parts = inside(short, support)
    ? citedWindow({ start: support.start, text: support.text }, short.start, short.end, short.text, SUPPORT_CONTEXT)
    : { before: snippet(support.text, 2 * SUPPORT_CONTEXT), cited: '', after: '' };
  const citation =
    answer.citations.find((c) => inside(support, c)) ?? answer.citations.find((c) => overlaps(support, c));
  return { parts, n: citation?.n ?? null };
}

/**
 * The span to highlight when citation `n` of an answer is opened: the short answer when it lies in
 * that citation, else the whole cited span.
 */
export function openedSpan(answer: Answer, n: number): { start: number; end: number } | null {
  const citation = answer.citations.find((c) => c.n === n);
  if (!citation) return null;
  return answer.short && inside(answer.short, citation)
    ? { start: answer.short.start, end: answer.short.end }
    : { start: citation.start, end: citation.end };
}
