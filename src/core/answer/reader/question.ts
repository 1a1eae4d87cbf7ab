import type { QuestionWord } from '../../question/coverage.js';
import type { Query } from '../../question/query.js';
import type { Lang } from '../../types.js';
import { interrogative } from '../../question/kind.js';
import { isStopword } from '../../text/stopwords.js';
import { wordsOf } from '../../text/analyze.js';
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
/** In English, what is counted can run over several words, up to the verb: "how many rubber boats were…". */
const ENGLISH_COUNTED = new Set(['many', 'much']);

function kindWords(question: string, query: Query): Set<string> {
  const kinds = new Set(query.words.filter((w) => w.weight < 1).map((w) => w.word.toLowerCase()));
  const words = wordsOf(question);
  words.forEach((word, i) => {
    const base = interrogative(word) ?? word;
    if (!COUNTED_AFTER.has(base)) return;
    for (let j = i + 1; j < words.length && !isStopword(words[j]); j++) {
      kinds.add(words[j]);
      if (!ENGLISH_COUNTED.has(base)) break;
    }
  });
  return kinds;
}

/** A question as the reader uses it, from its analysed query and its weighted content words (`questionWords`). */
export function readQuestion(question: string, query: Query, words: QuestionWord[]): ReaderQuestion {
  const surface = new Set(wordsOf(question));
  return {
    text: question,
    lang: query.lang,
    type: answerType(question),
    words,
    surface,
    kinds: kindWords(question, query),
  };
}
