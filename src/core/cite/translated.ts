import type { Analyzer } from '../text/analyze.js';
import { translatorFor } from '../text/translate.js';
import type { Lang } from '../types.js';

/** The share of a quote's content words a text of `lang` holds: for a text of the other language, as the query translation renders them. */
export type TranslatedShare = (text: string) => number;

const OTHER: Record<Lang, Lang> = { id: 'en', en: 'id' };

/**
 * How much of a quote in `quoteLang` a text of the other language says, word by word: each content
 * word counts as found when the text holds its stem or one of its translations (the same translations
 * a question is searched with). Names and numbers are found only as written. This is what tells an
 * English paraphrase of an Indonesian sentence from a sentence that merely shares its names.
 */
export function translatedShare(quote: string, quoteLang: Lang, analyzer: Analyzer): TranslatedShare {
  const translator = translatorFor(analyzer.lexicon);
  const other = OTHER[quoteLang];
  const words = [...new Set(analyzer.terms(quote, quoteLang))];
  const forms = words.map((stem) => [
    stem,
    analyzer.stem(stem, other),
    ...(/\p{N}/u.test(stem) ? [] : translator.translate(stem, quoteLang).map((t) => t.stem)),
  ]);
  return (text) => {
    if (words.length === 0) return 0;
    const stems = new Set(analyzer.terms(text, other));
    return forms.filter((f) => f.some((s) => stems.has(s))).length / words.length;
  };
}
