import { Stemmer } from 'sastrawijs';
import { stemmer as porter } from 'stemmer';
import type { Lang } from '../types.js';
import { STOPWORDS } from './stopwords.js';
import { createLexicon, type Lexicon } from './lexicon.js';

export interface Token {
  /** Lower-cased surface form. */
  word: string;
  start: number;
  end: number;
  /** Whether the original started with a capital letter (names, places). */
  capital: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words and numbers with their offsets; hyphenated words split ("anti-Iran" → anti, iran). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    tokens.push({ word: surface.toLowerCase(), start: match.index, end: match.index + surface.length, capital: /^\p{Lu}/u.test(surface) });
  }
  return tokens;
}

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
  ...new Set([...analyzer.lexicon.concepts(analyzer.stem(word, 'id'), 'id'), ...analyzer.lexicon.concepts(analyzer.stem(word, 'en'), 'en')]),
];

export function createAnalyzer(): Analyzer {
  const sastrawi = new Stemmer();
  const cache: Record<Lang, Map<string, string>> = { id: new Map(), en: new Map() };
  const stem = (word: string, lang: Lang): string => {
    let stemmed = cache[lang].get(word);
    if (stemmed === undefined) {
      stemmed = (/\p{N}/u.test(word) ? word : lang === 'id' ? sastrawi.stem(word) : porter(word)) || word;
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
        .filter((t) => !isStopword(t.word, lang))
        .map((t) => {
          const s = stem(t.word, lang);
          stems?.set(t.word, s);
          return s;
        }),
    lexicon: createLexicon(stem),
  };
}
