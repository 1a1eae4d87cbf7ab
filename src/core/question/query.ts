import { detectLanguage } from '../text/language.js';
import type { WeightedTerm } from '../index/port.js';
import { searchable, tokenize, type Analyzer, type Token } from '../text/analyze.js';
import type { Filters, Lang } from '../types.js';
import { isFuzzyName } from '../text/names.js';
import { frameWeights } from './frame.js';
import { QUERY_WEIGHTS } from '../settings.js';
import { translatorFor } from '../text/translate.js';

/** A content word of a question; `weight` is below 1 for the kind of answer asked for ("country" in "which country"). */
export interface QueryWord extends Token {
  weight: number;
}

/** A question prepared for retrieval. */
export interface Query {
  text: string;
  lang: Lang;
  /** Content words of the question (stopwords and question words dropped), as typed, with their frame weight. */
  words: QueryWord[];
  /** Lexical terms: the question's own stems, the other language's stems, and weighted translations (`word`: the index in `words`). */
  terms: WeightedTerm[];
  filters: Filters;
}

const OTHER: Record<Lang, Lang> = { id: 'en', en: 'id' };
const { translation: TRANSLATION_WEIGHT, otherStem: OTHER_STEM_WEIGHT, nameFuzziness: NAME_FUZZINESS } = QUERY_WEIGHTS;

export function analyseQuery(text: string, analyzer: Analyzer, filters: Filters = {}): Query {
  const lang = detectLanguage(text);
  const other = OTHER[lang];
  const tokens = tokenize(text);
  const weights = frameWeights(tokens);
  const words = tokens
    .map((token, i) => ({ ...token, weight: weights[i] }))
    .filter(
      (t) =>
        t.weight > 0 &&
        searchable(t, (word) => analyzer.isStopword(word, lang) || (analyzer.isStopword(word, other) && !t.capital)),
    );
  const terms = new Map<string, WeightedTerm>();
  const translator = translatorFor(analyzer.lexicon);
  // A term two words give stands for the one it weighs most for.
  const add = (word: number, term: string, weight: number, fuzzy = 0) => {
    const known = terms.get(term);
    if (!known || known.weight < weight)
      terms.set(term, { term, weight, fuzzy: Math.max(fuzzy, known?.fuzzy ?? 0), word });
  };
  for (const [n, word] of words.entries()) {
    const stem = analyzer.stem(word.word, lang);
    add(n, stem, word.weight, isFuzzyName(word) && !/\p{N}/u.test(word.word) ? NAME_FUZZINESS : 0);
    const otherStem = analyzer.stem(word.word, other);
    if (otherStem !== stem) add(n, otherStem, OTHER_STEM_WEIGHT * word.weight);
    // A number is the same in both languages; a name has no translation and is searched as it is.
    const translations = /\p{N}/u.test(word.word)
      ? []
      : translator.translate(stem, lang).filter((t) => !analyzer.isStopword(t.stem, other));
    for (const t of translations) add(n, t.stem, TRANSLATION_WEIGHT * t.weight * word.weight);
  }
  return { text, lang, words, terms: [...terms.values()], filters };
}
