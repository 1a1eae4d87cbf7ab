import type { QuestionWord } from '../question/coverage.js';
import type { Query } from '../question/query.js';
import type { Analyzer } from '../text/analyze.js';
import { translatorFor } from '../text/translate.js';

/**
 * The question's words with their learnt translations among their forms, so that the rerank finds an
 * English question word in an Indonesian passage by the same translations the search used ("fleet" in
 * "armada"), not only by the lexicon's. A number has no translation; a stopword of the other language
 * is no form (it would be found everywhere).
 */
export function withTranslations(words: QuestionWord[], query: Query, analyzer: Analyzer): QuestionWord[] {
  const translator = translatorFor(analyzer.lexicon);
  const other = query.lang === 'en' ? 'id' : 'en';
  return words.map((word) => {
    if (/\p{N}/u.test(word.word)) return word;
    const found = translator
      .translate(analyzer.stem(word.word, query.lang), query.lang)
      .map((t) => t.stem)
      .filter((stem) => !word.forms.has(stem) && !analyzer.isStopword(stem, other));
    return found.length === 0 ? word : { ...word, forms: new Set([...word.forms, ...found]) };
  });
}
