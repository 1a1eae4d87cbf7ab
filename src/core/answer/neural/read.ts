import type { PassageRecord } from '../../index/port.js';
import type { Analyzer } from '../../text/analyze.js';
import type { Lang, Span } from '../../types.js';
import { batchOf } from './batch.js';
import { decode } from './decode.js';
import { featurize, readQuestionTokens } from './featurize.js';
import type { ReaderModel } from './model.js';
import { tidySpan } from './tidy.js';

/** The model's reading of a question over its passages: its best span, the sentence(s) holding it, and the decision's numbers. */
export interface NeuralReading {
  record: PassageRecord;
  /** The answer span, offsets into the article's text. */
  span: Span;
  /** The passage's sentences from the one where the span starts to the one where it ends. */
  support: Span;
  probability: number;
  margin: number;
}

/** The passage's sentences that hold [start, end), as one span of the article. */
function supportOf({ passage }: PassageRecord, start: number, end: number): Span {
  const first = passage.sentences.find((s) => s.end > start) ?? passage.sentences[0];
  const last = [...passage.sentences].reverse().find((s) => s.start < end) ?? first;
  const to = Math.max(first.end, last.end);
  return { start: first.start, end: to, text: passage.text.slice(first.start - passage.start, to - passage.start) };
}

/** Reads `records` (in the order given) for `question` in one model run; null when there is nothing to read. */
export async function readPassages(
  question: string,
  lang: Lang,
  records: PassageRecord[],
  analyzer: Analyzer,
  model: ReaderModel,
): Promise<NeuralReading | null> {
  if (records.length === 0) return null;
  const asked = readQuestionTokens(question, lang, analyzer);
  const rows = records.map((r) =>
    featurize(asked, { title: r.article.title, text: r.passage.text, lang: r.article.lang }, analyzer),
  );
  const input = batchOf(rows);
  const out = await model.run(input);
  const tokens = input.passageTokens;
  const best = decode(out, rows.length, tokens, (r, t) => rows[r].tokens[t] != null, model.config.maxSpan);
  if (!best) return null;
  const record = records[best.row];
  const first = rows[best.row].tokens[best.first]!;
  const last = rows[best.row].tokens[best.last]!;
  const { passage } = record;
  const span = tidySpan(passage, {
    start: passage.start + first.start,
    end: passage.start + last.end,
    text: passage.text.slice(first.start, last.end),
  });
  return {
    record,
    span,
    support: supportOf(record, span.start, span.end),
    probability: best.probability,
    margin: best.margin,
  };
}
