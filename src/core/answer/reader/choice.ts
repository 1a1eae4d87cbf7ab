import type { SentenceCandidate } from '../read.js';
import { ANSWER_TYPES } from './asks.js';
import type { ReaderQuestion } from './question.js';
import type { ShortChoice } from './short.js';
import { SPAN_FEATURES } from './span-features.js';

const FIT = SPAN_FEATURES.indexOf('fit');
const REPEATS = SPAN_FEATURES.indexOf('repeats.share');

/** Words that make a question or a sentence a negative one ("yang tidak…", "which did not…"). */
const NEGATION = /^(tidak|tak|bukan|belum|tanpa|jangan|not|no|never|without|nor)$|n't$/;

const isNegated = (text: string): boolean =>
  (text.toLowerCase().match(/[\p{L}']+/gu) ?? []).some((w) => NEGATION.test(w));

/** What the sentence choice knows about a sentence: the rule's own reading of it, and the short answer found in it. */
export interface ChoiceInput {
  question: ReaderQuestion;
  /** The sentence weighed. */
  best: SentenceCandidate;
  /** Its place in the rule's order (0 for the sentence the rule quotes), and how far its score falls below the first's. */
  position: number;
  gap: number;
  /** Whether the coverage rule answers from the sentence. */
  ruleAnswers: boolean;
  /** The likeliest span of the best sentence, with its expected F1; undefined when it has none. */
  span: ShortChoice | undefined;
}

export const CHOICE_FEATURES: string[] = [
  'rule.answers',
  'rule.coverage',
  'sentence.share',
  'sentence.evidence',
  'window.share',
  'window.gain',
  'window.missingNames',
  'window.missingMost',
  'sentence.shaped',
  'sentence.rank',
  'sentence.position',
  'sentence.gap',
  'sentence.otherLanguage',
  'span.expectedF1',
  'span.fits',
  'span.repeats',
  'question.negated',
  'negation.differs',
  'question.words',
  ...ANSWER_TYPES.map((t) => `type.${t}`),
  ...ANSWER_TYPES.map((t) => `fitsNew.${t}`),
];

/** The features of a sentence for the choice of the one to quote: the chance that it holds the answer. */
export function choiceFeatures({ question, best, position, gap, ruleAnswers, span }: ChoiceInput): number[] {
  const negated = isNegated(question.text);
  const fitsNew = span !== undefined && span.features[FIT] === 1 && span.features[REPEATS] === 0;
  return [
    ruleAnswers ? 1 : 0,
    best.coverage,
    best.share,
    Math.log1p(best.evidence),
    best.windowShare,
    best.windowShare - best.share,
    best.missingNames,
    best.missingMost,
    best.shaped ? 1 : 0,
    1 / (best.rank + 1),
    position,
    gap,
    best.article.lang === question.lang ? 0 : 1,
    span?.expectedF1 ?? 0,
    span?.features[FIT] ?? 0,
    span?.features[REPEATS] ?? 1,
    negated ? 1 : 0,
    negated === isNegated(best.sentence.text) ? 0 : 1,
    Math.log1p(question.words.length),
    ...ANSWER_TYPES.map((t) => (t === question.type ? 1 : 0)),
    // The likeliest span is of the asked type and new information (no word of it repeats the question), per type.
    ...ANSWER_TYPES.map((t) => (t === question.type && fitsNew ? 1 : 0)),
  ];
}
