import type { StoredArticle } from '../index/store.js';

/** A match inside the sentences around it: `before + text + after` is one slice of the original file. */
export interface MatchContext {
  before: string;
  text: string;
  after: string;
}

/** The text of the sentences a span starts and ends in, split around the span, for highlighting. */
export function matchContext(raw: string, article: StoredArticle, start: number, end: number): MatchContext {
  const sentences = article.passages.flatMap((p) => p.sentences);
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end);
  const from = Math.min(first?.start ?? start, start);
  const to = Math.max(last?.end ?? end, end);
  return { before: raw.slice(from, start), text: raw.slice(start, end), after: raw.slice(end, to) };
}
