import { stemmer as porter } from 'stemmer';
import type { Lang } from '../types.js';
import { isStopword as isEitherStopword, STOPWORDS } from './stopwords.js';
import { createLexicon, LEXICON_VERSION, type Lexicon } from './lexicon.js';
import { createIndonesianStemmer } from './stem-id.js';

export interface Token {
  /** Lower-cased surface form. */
  word: string;
  start: number;
  end: number;
  /** Whether the original started with a capital letter (names, places). */
  capital: boolean;
  /**
   * An abbreviation written in capitals inside ordinary text ("US", "UN", "WHO"): a name, searchable even
   * when it spells a stopword. A capitalised word beside another one ("THE US", "IT/TGM") is not one:
   * a headline or an agency code.
   */
  acronym: boolean;
}

/** Raised whenever tokenizing, stemming or stopword rules, or how a concept is keyed, change what a text's terms or vectors are. */
const TOKEN_RULES = 4;
/** Changes whenever a text's terms or concepts do: an index made under other rules must be rebuilt. */
export const ANALYSIS_VERSION = `${LEXICON_VERSION}.${TOKEN_RULES}`;

/** A word: a run of letters and digits. The one word pattern of kabar; hyphens and apostrophes split words. */
export const WORD = /[\p{L}\p{N}]+/gu;
const CAPITALS = /^\p{Lu}{2,4}$/u;
const SHOUTED = /^\p{Lu}{2,}$/u;

/** Whether a word is written as an acronym: two to four capitals. */
export const isAcronym = (surface: string): boolean => CAPITALS.test(surface);

/** A text's words, lower-cased, in order (the words of `tokenize` without their offsets). */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/** Words and numbers with their offsets; hyphenated words split ("anti-Iran" → anti, iran). */
export function tokenize(text: string): Token[] {
  const surfaces = [...text.matchAll(WORD)];
  const shouted = (i: number) => surfaces[i] !== undefined && SHOUTED.test(surfaces[i][0]);
  return surfaces.map((match, i) => {
    const surface = match[0];
    return {
      word: surface.toLowerCase(),
      start: match.index,
      end: match.index + surface.length,
      capital: /^\p{Lu}/u.test(surface),
      acronym: isAcronym(surface) && !shouted(i - 1) && !shouted(i + 1),
    };
  });
}

/** Whether a token is worth searching for in `lang`: not a stopword, unless it is an acronym ("US" is not "us"). */
export const searchable = (token: Token, stopword: (word: string) => boolean): boolean =>
  token.acronym || !stopword(token.word);

/** Stemming and stopwords for both corpus languages, with a cache: the same words recur endlessly. */
export interface Analyzer {
  stem(word: string, lang: Lang): string;
  isStopword(word: string, lang: Lang): boolean;
  /** The searchable terms of a text in `lang`: stems of its non-stopwords, in order, repeats kept (and each word's stem put in `stems`, when given). */
  terms(text: string, lang: Lang, stems?: Map<string, string>): string[];
  readonly lexicon: Lexicon;
}

/** The lexicon concepts a word stands for in either language, each once (empty for a name or an unknown word). */
export const conceptsOf = (word: string, analyzer: Analyzer): number[] => [
  ...new Set([
    ...analyzer.lexicon.concepts(analyzer.stem(word, 'id'), 'id'),
    ...analyzer.lexicon.concepts(analyzer.stem(word, 'en'), 'en'),
  ]),
];

/** Whether a word is a stopword or a lexicon word in either language (its hyphenated parts all are): a person's name mostly is not. */
export const isCommonWord = (lower: string, analyzer: Analyzer): boolean =>
  (lower.match(/[\p{L}]+/gu) ?? []).every((part) => isEitherStopword(part) || conceptsOf(part, analyzer).length > 0);

export function createAnalyzer(): Analyzer {
  const indonesian = createIndonesianStemmer();
  const cache: Record<Lang, Map<string, string>> = { id: new Map(), en: new Map() };
  const stem = (word: string, lang: Lang): string => {
    let stemmed = cache[lang].get(word);
    if (stemmed === undefined) {
      stemmed = (/\p{N}/u.test(word) ? word : lang === 'id' ? indonesian(word) : porter(word)) || word;
      cache[lang].set(word, stemmed);
    }
    return stemmed;
  };
  const isStopword = (word: string, lang: Lang): boolean => STOPWORDS[lang].has(word);
  return {
    stem,
    isStopword,
    terms: (text, lang, stems) =>
      tokenize(text)
        .filter((t) => searchable(t, (word) => isStopword(word, lang)))
        .map((t) => {
          const s = stem(t.word, lang);
          stems?.set(t.word, s);
          return s;
        }),
    lexicon: createLexicon(stem),
  };
}
