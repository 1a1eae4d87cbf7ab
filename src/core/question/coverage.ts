import { tokenize, type Analyzer, type Token } from '../text/analyze.js';
import type { Lang } from '../types.js';
import { FUZZY_NAME_LENGTH, isFuzzyName } from '../text/names.js';
import type { StoreReader, TermStats } from '../index/port.js';
import type { Query, QueryWord } from './query.js';

export type { TermStats };

/** A content word of a question, with the stems that count as a match and its weight. */
export interface QuestionWord {
  word: string;
  /** A capitalised word of five letters or more: matched with one letter's difference too. */
  name: boolean;
  forms: Set<string>;
  /** Forms that are stopwords, found only where written in capitals: "AS" for "US", never "as". */
  capitalForms: Set<string>;
  weight: number;
}

/**
 * The stems that count as a match for a question word: its stems in both languages and their lexicon
 * translations. A form other than the word's own stem that is a stopword in either language is left
 * out ("die" stems to "di", which would match every Indonesian "di", in), or for an acronym kept
 * apart, to be matched only in capitals ("US" is "AS" in Indonesian).
 */
function wordForms(
  word: QueryWord,
  query: Query,
  analyzer: Analyzer,
): { forms: Set<string>; capitalForms: Set<string> } {
  const other: Lang = query.lang === 'id' ? 'en' : 'id';
  const own = analyzer.stem(word.word, query.lang);
  const forms = new Set([own, analyzer.stem(word.word, other)]);
  for (const concept of analyzer.lexicon.concepts(own, query.lang)) {
    for (const stem of analyzer.lexicon.stems(concept, other)) forms.add(stem);
    for (const stem of analyzer.lexicon.stems(concept, query.lang)) forms.add(stem);
  }
  const capitalForms = new Set<string>();
  for (const form of forms) {
    if (form === own || !(analyzer.isStopword(form, 'id') || analyzer.isStopword(form, 'en'))) continue;
    forms.delete(form);
    if (word.acronym) capitalForms.add(form);
  }
  return { forms, capitalForms };
}

/** The store's statistics for every form of the question's words. */
export function questionStats(
  query: Query,
  analyzer: Analyzer,
  store: Pick<StoreReader, 'termStats'>,
): Promise<TermStats> {
  return store.termStats([...new Set(query.words.flatMap((w) => [...wordForms(w, query, analyzer).forms]))]);
}

/** The question's content words, weighted by rarity, matched in both languages through the lexicon. */
export function questionWords(query: Query, analyzer: Analyzer, stats: TermStats): QuestionWord[] {
  return query.words.map((word) => {
    const { forms, capitalForms } = wordForms(word, query, analyzer);
    const df = Math.max(...[...forms].map((f) => stats.documentFrequency(f)));
    const weight = word.weight * Math.log(1 + stats.documentCount / (1 + df));
    return { word: word.word, name: isFuzzyName(word), forms, capitalForms, weight };
  });
}

/** One edit apart, for names spelled two ways (Sergey/Sergei, Zakharova/Zakhorava). */
export function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a.length < FUZZY_NAME_LENGTH) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/** Whether a word of a text (with its stem in the text's language) counts as the question word: one of its forms, or a name one edit apart. */
export const matchesWord = (question: QuestionWord, word: string, stem: string, acronym = false): boolean =>
  question.forms.has(stem) ||
  (acronym && question.capitalForms.has(stem)) ||
  (question.name && nearlyEqual(word, question.word));

/** How much of a question a sentence contains. */
export interface Coverage {
  /** The share (0–1) of the question's weighted content found. */
  share: number;
  /**
   * The summed rarity (IDF, in nats) of the words found: how unlikely it is that a passage contains
   * them all by chance. High evidence means the sentence is about the question's subject even when
   * a long question is paraphrased.
   */
  evidence: number;
}

/** A token of a text with its stem in the text's language. */
export type StemmedToken = Token & { stem: string };

/** The tokens of a text with their stems: read once, then matched against the question as often as needed. */
export const stemmedTokens = (text: string, lang: Lang, analyzer: Analyzer): StemmedToken[] =>
  tokenize(text).map((t) => ({ ...t, stem: analyzer.stem(t.word, lang) }));

/** For each question word, whether the tokens hold it (one of its forms, or a name one edit apart). */
export const foundIn = (words: QuestionWord[], tokens: StemmedToken[]): boolean[] =>
  words.map((w) => tokens.some((t) => matchesWord(w, t.word, t.stem, t.acronym)));

/** For each question word, whether the text holds it. */
export const wordsFound = (words: QuestionWord[], text: string, lang: Lang, analyzer: Analyzer): boolean[] =>
  foundIn(words, stemmedTokens(text, lang, analyzer));

/** The coverage of a question by the words found (`wordsFound`, or several of them joined by `or`). */
export function coverageOf(words: QuestionWord[], found: readonly boolean[]): Coverage {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const evidence = words.reduce((sum, w, i) => sum + (found[i] ? w.weight : 0), 0);
  return { share: total > 0 ? evidence / total : 0, evidence };
}

/** Question words found in any of the texts' `wordsFound`. */
export const eitherFound = (...founds: (readonly boolean[] | undefined)[]): boolean[] =>
  (founds.find((f) => f !== undefined) ?? []).map((_, i) => founds.some((f) => f?.[i] === true));

export function coverage(words: QuestionWord[], text: string, lang: Lang, analyzer: Analyzer): Coverage {
  return coverageOf(words, wordsFound(words, text, lang, analyzer));
}
