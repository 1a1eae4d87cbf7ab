import { isCommonWord, type Analyzer } from '../../text/analyze.js';
import type { Lang, Span } from '../../types.js';
import { ANSWER_TYPES, type AnswerType } from './asks.js';
import { matchWords } from './match.js';
import type { ReaderQuestion } from './question.js';
import { wordsOf, type Shape, type SpanCandidate, type Word } from './spans.js';

/**
 * A sentence read against the question: its words, for each the index of the question word it matches
 * (or -1), and whether it is a common word (a stopword or a lexicon word in either language): a name of
 * a person is mostly words no dictionary holds, "Group B", "Islamic Republic" or "Iranian" are not.
 */
export interface SentenceRead {
  words: Word[];
  matches: number[];
  common: boolean[];
}

export const readSentence = (
  question: ReaderQuestion,
  sentence: Span,
  lang: Lang,
  analyzer: Analyzer,
): SentenceRead => {
  const words = wordsOf(sentence);
  return {
    words,
    matches: matchWords(question.words, words, lang, analyzer),
    common: words.map((w) => !w.number && isCommonWord(w.lower, analyzer)),
  };
};

const SHAPES: (keyof Shape)[] = [
  'name',
  'titled',
  'number',
  'startsWithNumber',
  'date',
  'placeLike',
  'orgLike',
  'atStart',
  'set',
  'leadWord',
  'bareNumber',
];

/** The answer types each shape can serve; a candidate "fits" when one of its shapes serves the asked type. */
const FITS: Record<AnswerType, (s: Shape) => boolean> = {
  person: (s) => s.name && !s.atStart,
  date: (s) => s.date,
  number: (s) => s.number,
  place: (s) => s.name && !s.atStart,
  org: (s) => s.name && !s.atStart,
  name: (s) => s.name && !s.atStart,
  thing: () => true,
  reason: () => false,
};

/** Span lengths in words, bucketed: 1, 2, 3, 4, 5–6, 7 and more. */
const LENGTHS = [1, 2, 3, 4, 5, 6];
const lengthBucket = (words: number): number => (words <= 4 ? words : words <= 6 ? 5 : 6);
/** Words after which a definition or an identity follows: "X adalah <answer>". */
const COPULA = /^(adalah|ialah|merupakan|yaitu|yakni|sebagai|bernama|is|are|was|were|called|named)$/;

export const SPAN_FEATURES: string[] = [
  'repeats.share',
  'repeats.all',
  'near.inverse',
  'near.matched',
  'near.left',
  'near.right',
  'boundary.left',
  'boundary.right',
  'fit',
  'kind.inside',
  'copula.before',
  'clause.start',
  'clause.end',
  'inner.breaks',
  'kind.cut',
  ...ANSWER_TYPES.flatMap((t) => SHAPES.map((s) => `${t}*${s}`)),
  ...ANSWER_TYPES.flatMap((t) => LENGTHS.map((n) => `${t}*length${n}`)),
  ...ANSWER_TYPES.map((t) => `${t}*lower`),
  ...ANSWER_TYPES.map((t) => `${t}*common`),
  ...ANSWER_TYPES.map((t) => `${t}*commonCapital`),
];

const SHAPES_AT = SPAN_FEATURES.indexOf(`${ANSWER_TYPES[0]}*${SHAPES[0]}`);
const LENGTHS_AT = SPAN_FEATURES.indexOf(`${ANSWER_TYPES[0]}*length${LENGTHS[0]}`);
const LOWER_AT = SPAN_FEATURES.indexOf(`${ANSWER_TYPES[0]}*lower`);
const COMMON_AT = SPAN_FEATURES.indexOf(`${ANSWER_TYPES[0]}*common`);
const COMMON_CAPITAL_AT = SPAN_FEATURES.indexOf(`${ANSWER_TYPES[0]}*commonCapital`);

/** How far (in words) the matched question words stand from a candidate, and how many are near it. */
function nearness(read: SentenceRead, c: SpanCandidate) {
  let distance = Infinity;
  const near = new Set<number>();
  read.matches.forEach((q, i) => {
    if (q < 0 || (i >= c.from && i < c.to)) return;
    const d = i < c.from ? c.from - i : i - c.to + 1;
    distance = Math.min(distance, d);
    if (d <= 4) near.add(q);
  });
  return { distance, near: near.size };
}

/** The features of a candidate span in its sentence. */
export function spanFeatures(question: ReaderQuestion, read: SentenceRead, c: SpanCandidate): number[] {
  let repeated = 0;
  let kind = 0;
  for (let i = c.from; i < c.to; i++) {
    const { lower } = read.words[i];
    if (question.kinds.has(lower)) kind = 1;
    else if (read.matches[i] >= 0 || question.surface.has(lower)) repeated++;
  }
  const length = c.to - c.from;
  const { distance, near } = nearness(read, c);
  const before = read.words[c.from - 1];
  const after = read.words[c.to];
  const lower = !c.shape.name && !c.shape.number;
  const fit = FITS[question.type](c.shape) ? 1 : 0;
  const type = question.type;
  let breaks = 0;
  for (let i = c.from + 1; i < c.to; i++) if (read.words[i].broken) breaks++;
  let common = 0;
  let commonCapital = 0;
  for (let i = c.from; i < c.to; i++) {
    if (!read.common[i]) continue;
    common++;
    if (read.words[i].capital) commonCapital++;
  }
  const last = read.words[c.to - 1];
  // The span stops short of what is counted ("30 rubber | boats", "empat | kali").
  const cut =
    after !== undefined &&
    !after.broken &&
    question.kinds.has(after.lower) &&
    (last.number || question.kinds.has(last.lower));
  const startsClause = !before || read.words[c.from].broken;
  const endsClause = !after || after.broken;
  const features = new Array<number>(SPAN_FEATURES.length).fill(0);
  const own = [
    repeated / length,
    repeated === length ? 1 : 0,
    Number.isFinite(distance) ? 1 / distance : 0,
    Math.min(near, 4) / Math.max(1, question.words.length),
    before !== undefined && read.matches[c.from - 1] >= 0 ? 1 : 0,
    after !== undefined && read.matches[c.to] >= 0 ? 1 : 0,
    startsClause || !(before.capital && c.shape.name) ? 1 : 0,
    endsClause || !(after.capital && c.shape.name) ? 1 : 0,
    fit,
    kind,
    before !== undefined && COPULA.test(before.lower) ? 1 : 0,
    startsClause ? 1 : 0,
    endsClause ? 1 : 0,
    Math.min(breaks, 3),
    cut ? 1 : 0,
  ];
  own.forEach((value, i) => (features[i] = value));
  // The asked type's own block of shape, length and lower-case indicators; the other types' blocks stay 0.
  const t = ANSWER_TYPES.indexOf(type);
  SHAPES.forEach((shape, i) => (features[SHAPES_AT + t * SHAPES.length + i] = c.shape[shape] ? 1 : 0));
  features[LENGTHS_AT + t * LENGTHS.length + LENGTHS.indexOf(lengthBucket(length))] = 1;
  features[LOWER_AT + t] = lower ? 1 : 0;
  features[COMMON_AT + t] = common / length;
  features[COMMON_CAPITAL_AT + t] = commonCapital / length;
  return features;
}
