import type { QuestionWord } from '../../retrieve/coverage.js';
import type { Query } from '../../retrieve/query.js';
import type { Lang } from '../../types.js';
import { interrogative } from '../question-kind.js';
import { answerType, type AnswerType } from './asks.js';

/** A question as the reader uses it. */
export interface ReaderQuestion {
  text: string;
  lang: Lang;
  type: AnswerType;
  /** Content words with their IDF weights and the stems that match them in either language. */
  words: QuestionWord[];
  /** The question's own words, lower-cased, for telling whether a candidate only repeats it. */
  surface: Set<string>;
  /**
   * Words that name the kind of answer asked for ("provinsi" in "di provinsi manakah", "kali" in
   * "berapa kali", "times" in "how many times"): an answer may hold them without repeating the question.
   */
  kinds: Set<string>;
}

/** Question words after which the next word names what is counted: "berapa kali", "how many times". */
const COUNTED_AFTER = new Set(['berapa', 'many', 'much']);

function kindWords(question: string, query: Query): Set<string> {
  const kinds = new Set(query.words.filter((w) => w.weight < 1).map((w) => w.word.toLowerCase()));
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (next && COUNTED_AFTER.has(interrogative(word) ?? word)) kinds.add(next);
  });
  return kinds;
}

/** A question as the reader uses it, from its analysed query and its weighted content words (`questionWords`). */
export function readQuestion(question: string, query: Query, words: QuestionWord[]): ReaderQuestion {
  const surface = new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return {
    text: question,
    lang: query.lang,
    type: answerType(question),
    words,
    surface,
    kinds: kindWords(question, query),
  };
}
