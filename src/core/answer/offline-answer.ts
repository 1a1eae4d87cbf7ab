import { spanSource } from '../sources/location.js';
import type { Answer, ArticleMeta, ArticleSpan, Citation, Hit, ShortAnswer } from '../types.js';
import type { AnswerInput } from './answerer.js';

/** A span of a passage as the answer cites it: the passage, its article's details and the exact characters. */
export const articleSpan = (
  article: ArticleMeta,
  passageId: string,
  span: Pick<ArticleSpan, 'start' | 'end' | 'text'>,
): ArticleSpan => ({
  id: passageId,
  file: article.file,
  title: article.title,
  source: article.source,
  date: article.date,
  lang: article.lang,
  start: span.start,
  end: span.end,
  text: span.text,
  ...spanSource(article),
});

/** What an offline reader decided for one question. */
export interface OfflineReading {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  short: ShortAnswer | null;
  support: ArticleSpan | null;
  confidence: number;
}

/** The answer an offline reader gives, timed from `started`: the same fields whichever reader read. */
export function offlineAnswer(
  { question, query, hits }: Pick<AnswerInput, 'question' | 'query'> & { hits: Hit[] },
  reading: OfflineReading,
  started: number,
): Answer {
  const answerMs = performance.now() - started;
  return {
    question,
    resolvedQuestion: query.text,
    answer: reading.answer,
    abstained: reading.abstained,
    citations: reading.citations,
    hits,
    warnings: [],
    confidence: reading.confidence,
    short: reading.short,
    support: reading.support,
    timingsMs: { retrieve: 0, answer: answerMs, total: answerMs },
  };
}
