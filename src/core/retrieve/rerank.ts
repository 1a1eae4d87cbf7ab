import type { StoreReader } from '../index/port.js';
import { tokenize, type Analyzer } from '../text/analyze.js';
import type { Hit, Lang } from '../types.js';
import { matchesWord, type QuestionWord } from '../question/coverage.js';

/** Orders equal scores (the same text in two files) by passage id, so that every store ranks alike. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The stem of a word of a passage in `lang`, as far as matching the question goes. */
export type PassageStem = (word: string, lang: Lang) => string;

/** Stands for the stem of a word that gives none of the question's forms (no stem is empty). */
const NOT_A_FORM = '';

/**
 * How a rerank stems passage words. A stopword is stemmed by the analyzer (stopwords are few); any
 * other indexed word gives one of the question's forms only if the store recorded it giving that
 * form, so the rest need not be stemmed: that is most of a search's stemming when the words are new.
 * Without the store's record, the analyzer stems every word.
 */
export async function passageStemmer(
  store: Pick<StoreReader, 'wordsOfTerms'>,
  analyzer: Analyzer,
  words: QuestionWord[],
  langs: Lang[],
): Promise<PassageStem> {
  const forms = [...new Set(words.flatMap((w) => [...w.forms]))];
  const byLang = new Map<Lang, Map<string, string>>();
  for (const lang of new Set(langs)) {
    const known = await store.wordsOfTerms?.(forms, lang);
    if (!known) return analyzer.stem;
    byLang.set(lang, known);
  }
  return (word, lang) =>
    analyzer.isStopword(word, lang) ? analyzer.stem(word, lang) : (byLang.get(lang)?.get(word) ?? NOT_A_FORM);
}

/** Whether a text holds the kind of fact a question asks for (a number, a date, a name), and what a pair that lacks it counts. */
export interface AnswerShape {
  holds(text: string): boolean;
  /** A pair of sentences without the shape counts this share of its coverage. */
  shapeless: number;
}

/**
 * The largest share of the question found in two adjacent sentences of the passage: a passage that
 * answers tends to hold the question's words close together, not scattered over unrelated sentences.
 * Each sentence is read once; a pair holds a word when either of its sentences does. With `shape`, a
 * pair that lacks the kind of fact asked for ("how many" and no new number) counts less: it restates
 * the question without answering it.
 */
export function closeCoverage(hit: Hit, words: QuestionWord[], stem: PassageStem, shape?: AnswerShape): number {
  const { lang } = hit.article;
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) return 0;
  const forms = words.map((w) => [...w.forms]);
  const found = hit.passage.sentences.map((sentence) => {
    const tokens = tokenize(sentence.text);
    const stems = new Set(tokens.map((t) => stem(t.word, lang)));
    // A word is found when one of its forms is a stem of the sentence, or (a name) one of its words is within an edit.
    return words.map(
      (w, i) =>
        forms[i].some((f) => stems.has(f)) || (w.name && tokens.some((t) => matchesWord(w, t.word, NOT_A_FORM))),
    );
  });
  const sentences = hit.passage.sentences;
  const shaped = shape && sentences.map((s) => shape.holds(s.text));
  let best = 0;
  for (let i = 0; i < found.length; i++) {
    const next = found[i + 1];
    let evidence = 0;
    words.forEach((w, j) => {
      if (found[i][j] || next?.[j]) evidence += w.weight;
    });
    const factor = !shaped || shaped[i] || shaped[i + 1] ? 1 : shape.shapeless;
    best = Math.max(best, (factor * evidence) / total);
  }
  return best;
}

/**
 * Adds `weight` × close coverage to the score of the first `depth` hits and sorts them again. A passage
 * not in `across.lang` (the question's language) is read with `across.words` (the words with their translations).
 */
export function rerankByCoverage(
  hits: Hit[],
  words: QuestionWord[],
  stem: PassageStem,
  { weight, depth }: { weight: number; depth: number },
  shape?: AnswerShape,
  across?: { lang: Lang; words: QuestionWord[] },
): Hit[] {
  if (weight === 0 || words.length === 0) return hits;
  const wordsFor = (hit: Hit) => (across && hit.article.lang !== across.lang ? across.words : words);
  const head = hits
    .slice(0, depth)
    .map((hit) => ({ ...hit, score: hit.score + weight * closeCoverage(hit, wordsFor(hit), stem, shape) }));
  return [...head.sort((a, b) => b.score - a.score || compareIds(a.passage.id, b.passage.id)), ...hits.slice(depth)];
}
