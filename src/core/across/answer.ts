import type { StoreReader } from '../index/port.js';
import type { Analyzer } from '../text/analyze.js';
import type { Query } from '../question/query.js';
import type { QuestionShape } from '../question/shape.js';
import { questionStats, questionWords, type QuestionWord } from '../question/coverage.js';
import type { Answer, AnswerItem, Citation, Filters, Hit, Span } from '../types.js';
import { abstention } from '../answer/abstention.js';
import { articleSpan } from '../answer/offline-answer.js';
import { readQuestion } from '../answer/reader/question.js';
import { renderShort } from '../answer/reader/render.js';
import type { ReaderWeights } from '../answer/reader/weights.js';
import type { AcrossOptions } from '../settings.js';
import { briefLines } from './brief.js';
import { fitsItemType, listItemType } from './item-type.js';
import { listItems } from './list.js';
import { nameWords } from './entities.js';
import { hitReads, sentencePool, type PoolSentence } from './pool.js';
import { featureSpanReader, type SpanReader } from './spans.js';
import { timelineEvents } from './timeline.js';
import { wholeArticles } from './whole.js';

/** A question that wants an answer gathered across articles. */
export interface AcrossQuestion {
  shape: Exclude<QuestionShape, 'answer'>;
  /** The question as asked. */
  question: string;
  /** The topic searched (the question without its shape words), analysed. */
  query: Query;
  hits: Hit[];
  filters: Filters;
  /** Lines of a brief. */
  lines: number;
}

/** What gathering needs: the index, the analyzer, the tunables and the reader that finds list items. */
export interface AcrossParts {
  store: Pick<StoreReader, 'passages' | 'termStats' | 'article'>;
  analyzer: Analyzer;
  options: AcrossOptions;
  weights: ReaderWeights;
  /** The span reader for a list question; the feature reader's by default. */
  spanReader?: (question: string, query: Query, words: QuestionWord[]) => SpanReader;
}

/** A line's text as shown: one line, spaces collapsed. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const YEAR = /^(?:19|20)\d{2}$/;

/** A timeline's own dates: the years the question names narrow it as `--since`/`--until` do, unless those are given. */
function timelineFilters(query: Query, filters: Filters): Pick<Filters, 'since' | 'until'> {
  const years = query.words
    .map((w) => w.word)
    .filter((w) => YEAR.test(w))
    .sort();
  return { since: filters.since ?? years[0], until: filters.until ?? years[years.length - 1] };
}

/**
 * A list, timeline or brief (`kind`, `items`), every line citing the exact sentences that back it, as
 * one Answer: `answer` holds the lines with their markers, `citations` every cited span numbered in
 * line order. With nothing to show, it abstains as a single answer does.
 */
export async function answerAcross(input: AcrossQuestion, parts: AcrossParts): Promise<Answer> {
  const started = performance.now();
  const { shape, question, query, hits, filters, lines } = input;
  const { store, analyzer, options, weights } = parts;
  const stats = await questionStats(query, analyzer, store);
  // A timeline's years are its dates, not words its sentences must hold.
  const all = questionWords(query, analyzer, stats);
  const words = shape === 'timeline' ? all.filter((w) => !YEAR.test(w.word)) : all;
  const reads = hitReads(hits);
  const records = await store.passages(reads.map((r) => r.id));
  const searched = sentencePool(words, reads, records, analyzer);
  // The best articles about the topic are read whole: the passages the search left out join the pool.
  const whole = await wholeArticles(searched, store, options.articleRelative, options.wholeArticles);
  const pool = whole.reads.length
    ? sentencePool(words, [...reads, ...whole.reads], new Map([...records, ...whole.records]), analyzer)
    : searched;
  const citations: Citation[] = [];
  const cite = (reports: PoolSentence[]): Citation[] =>
    reports.map((r) => {
      const citation = { n: citations.length + 1, ...articleSpan(r.article, r.passageId, r.sentence) };
      citations.push(citation);
      return citation;
    });
  let items: AnswerItem[];
  if (shape === 'list') {
    const type = listItemType(query.text);
    const reader = (
      parts.spanReader ?? ((q, qy, w) => featureSpanReader({ ...readQuestion(q, qy, w), type }, analyzer, weights))
    )(query.text, query, words);
    const asked = new Set(nameWords(question));
    const accepts = (sentence: Span, item: Span) => fitsItemType(type, sentence, item, analyzer);
    items = listItems(pool, reader, options, asked, accepts).map((item) => {
      const sentences = [
        ...new Map(item.mentions.map((m) => [`${m.from.article.file}:${m.from.position}`, m.from])).values(),
      ];
      const first = item.mentions[0].from;
      return { text: renderShort(item.text, first.article.lang, query.lang), date: null, citations: cite(sentences) };
    });
  } else if (shape === 'timeline') {
    items = timelineEvents(pool, analyzer, options, timelineFilters(query, filters)).map((event) => ({
      text: oneLine(event.reports[0].sentence.text),
      date: event.date,
      citations: cite(event.reports),
    }));
  } else {
    items = briefLines(pool, analyzer, options, lines).map((line) => ({
      text: oneLine(line.reports[0].sentence.text),
      date: line.reports[0].article.date,
      citations: cite(line.reports),
    }));
  }
  const abstained = items.length === 0;
  const marks = (item: AnswerItem) => item.citations.map((c) => `[${c.n}]`).join('');
  const answer = abstained
    ? abstention(question, query.lang)
    : items
        .map((item) => `${item.date && shape === 'timeline' ? `${item.date} ` : ''}${item.text} ${marks(item)}`)
        .join('\n');
  const ms = performance.now() - started;
  return {
    question,
    kind: shape,
    items,
    resolvedQuestion: query.text,
    answer,
    abstained,
    citations,
    hits,
    warnings: [],
    short: null,
    support: null,
    timingsMs: { retrieve: 0, answer: ms, total: ms },
  };
}
