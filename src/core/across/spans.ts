import type { Analyzer } from '../text/analyze.js';
import type { Lang, Span } from '../types.js';
import type { ReaderQuestion } from '../answer/reader/question.js';
import { readSentence, SPAN_FEATURES } from '../answer/reader/span-features.js';
import { rankSpans } from '../answer/reader/short.js';
import { wholeName } from '../answer/reader/spans.js';
import type { ReaderWeights } from '../answer/reader/weights.js';
import { asksNames } from './item-type.js';

/** A candidate answer inside a sentence, as an offline reader scores it: `text === raw.slice(start, end)`. */
export interface ReadSpan extends Span {
  /** The reader's share for this span among its sentence's candidates, in [0, 1]. */
  p: number;
  /** Whether the span has the shape of the answer type asked for (a name for "who"). */
  fits: boolean;
  /** Whether some word of the span is a word of the question (it restates, not answers). */
  repeats: boolean;
}

/**
 * What a list needs of a reader: every candidate answer span of a sentence with its confidence, best
 * first. The feature reader gives it below; any offline reader that scores spans can give the same.
 */
export interface SpanReader {
  /** Whether the question asks for names (a person, place, organisation): list items are then capitalised. */
  readonly names: boolean;
  spans(sentence: Span, lang: Lang): ReadSpan[];
}

const FIT = SPAN_FEATURES.indexOf('fit');
/** Words after which a capitalised word is a place ("timpalannya dari Iran Hossein Amir Abdollahian"). */
const PLACE_BEFORE = /^(di|dari|ke|asal|in|from|of)$/i;

/** A person's name without a place written before it: "Iran Hossein Amir Abdollahian" after "dari" → "Hossein Amir Abdollahian". */
function withoutPlace(sentence: Span, span: Span): Span {
  const before = sentence.text.slice(0, span.start - sentence.start).match(/([\p{L}]+)\s+$/u);
  const first = span.text.match(/^[\p{L}'’-]+\s+(?=\p{Lu}[\p{L}'’-]*\s+\p{Lu})/u);
  if (!before || !first || !PLACE_BEFORE.test(before[1])) return span;
  return { start: span.start + first[0].length, end: span.end, text: span.text.slice(first[0].length) };
}

const REPEATS = SPAN_FEATURES.indexOf('repeats.share');

/** The feature reader's spans for a question: its span model's shares, a person's name widened to the whole name. */
export function featureSpanReader(question: ReaderQuestion, analyzer: Analyzer, weights: ReaderWeights): SpanReader {
  return {
    names: asksNames(question.type),
    spans(sentence, lang) {
      const read = readSentence(question, sentence, lang, analyzer);
      return rankSpans(question, sentence, lang, analyzer, weights).map((s) => {
        const whole =
          question.type === 'person'
            ? withoutPlace(
                sentence,
                wholeName(sentence, read.words, s.candidate, (i) => read.matches[i] >= 0),
              )
            : s.candidate;
        return {
          start: whole.start,
          end: whole.end,
          text: whole.text,
          p: s.p,
          fits: s.features[FIT] === 1,
          repeats: s.features[REPEATS] > 0,
        };
      });
    },
  };
}
