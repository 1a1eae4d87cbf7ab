import { conceptsOf, tokenize, type Analyzer, type Token } from '../../text/analyze.js';
import type { Lang } from '../../types.js';

/**
 * The neural reader's inputs, computed once, here, for training and for answering: the training script
 * dumps these very arrays for Python, so the model never reads text any other way than kabar does.
 * Changing anything in this file changes the model's inputs: retrain (`npm run train:reader`), which
 * rewrites the parity fixture the tests check.
 */
export const FEATURIZER = {
  /** Bumped whenever what a token's ids or features are changes. */
  version: 1,
  /** Size of the hashed vocabulary; id 0 is padding. */
  buckets: 65536,
  /** Hashed ids per token: its word, its stem, then its character 3-5-grams, padded with 0. */
  slots: 12,
  /** Float features per token (see TOKEN_FEATURES). */
  features: 7,
  /** Tokens kept of a question, of a title, and of a passage with its title. */
  maxQuestion: 40,
  maxTitle: 24,
  maxPassage: 144,
} as const;

/**
 * What each float feature of a token says. A passage token is compared with the question, a question
 * token with the passage: the same word (lower case), the same stem (the analyzer's, each side in its
 * own language), a shared lexicon concept (so an English question meets Indonesian text); and its shape.
 */
export const TOKEN_FEATURES = ['exact', 'stem', 'concept', 'capital', 'number', 'title', 'stopword'] as const;

/** 32-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** A string's bucket, never 0 (padding). */
const bucket = (text: string): number => 1 + (fnv1a(text) % (FEATURIZER.buckets - 1));

/**
 * A token's hashed ids: its word and its stem (marked apart), then the character n-grams of the word
 * with boundary marks, shortest first, each once, up to `slots`. "dikerahkan" and "mengerahkan" share
 * "rah", "kan>" and their stem; an unseen name still has pieces the model knows.
 */
export function tokenIds(word: string, stem: string): number[] {
  const ids = [bucket(`w:${word}`), bucket(`s:${stem}`)];
  const chars = [...`<${word}>`];
  const seen = new Set<string>();
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (seen.has(gram)) continue;
      seen.add(gram);
      ids.push(bucket(`g:${gram}`));
    }
  }
  const out = ids.slice(0, FEATURIZER.slots);
  while (out.length < FEATURIZER.slots) out.push(0);
  return out;
}

/** A text's tokens with what comparing them needs. */
interface ReadToken extends Token {
  stem: string;
  concepts: number[];
  stopword: boolean;
}

const readTokens = (text: string, lang: Lang, analyzer: Analyzer, max: number): ReadToken[] =>
  tokenize(text)
    .slice(0, max)
    .map((t) => ({
      ...t,
      stem: analyzer.stem(t.word, lang),
      concepts: conceptsOf(t.word, analyzer),
      stopword: analyzer.isStopword(t.word, lang),
    }));

/** The question read once, compared with each passage. */
export interface ReaderQuestionInput {
  tokens: ReadToken[];
}

export const readQuestionTokens = (question: string, lang: Lang, analyzer: Analyzer): ReaderQuestionInput => ({
  tokens: readTokens(question, lang, analyzer, FEATURIZER.maxQuestion),
});

/** A passage as the reader reads it: its article's title, then its text. */
export interface ReaderPassageInput {
  title: string;
  text: string;
  lang: Lang;
}

/** One question-passage pair's model inputs; `tokens[i]` is sequence position `i` of the passage side. */
export interface Featurized {
  questionIds: number[];
  questionFeatures: number[];
  passageIds: number[];
  passageFeatures: number[];
  /** Per passage position: the token's offsets in the passage text, or null for a title token (never part of an answer). */
  tokens: ({ start: number; end: number } | null)[];
}

/** The words, stems and concepts of a token list, for match features. */
const indexOf = (tokens: ReadToken[]) => ({
  words: new Set(tokens.map((t) => t.word)),
  stems: new Set(tokens.map((t) => t.stem)),
  concepts: new Set(tokens.flatMap((t) => t.concepts)),
});

const featuresOf = (t: ReadToken, other: ReturnType<typeof indexOf>, title: boolean): number[] => [
  other.words.has(t.word) ? 1 : 0,
  other.stems.has(t.stem) ? 1 : 0,
  t.concepts.some((c) => other.concepts.has(c)) ? 1 : 0,
  t.capital ? 1 : 0,
  /\p{N}/u.test(t.word) ? 1 : 0,
  title ? 1 : 0,
  t.stopword ? 1 : 0,
];

/** The model's inputs for a question over one passage (title tokens first, then the passage's). */
export function featurize(question: ReaderQuestionInput, passage: ReaderPassageInput, analyzer: Analyzer): Featurized {
  const title = readTokens(passage.title, passage.lang, analyzer, FEATURIZER.maxTitle);
  const body = readTokens(passage.text, passage.lang, analyzer, FEATURIZER.maxPassage - title.length);
  const all = [...title, ...body];
  const asked = indexOf(question.tokens);
  const read = indexOf(all);
  return {
    questionIds: question.tokens.flatMap((t) => tokenIds(t.word, t.stem)),
    questionFeatures: question.tokens.flatMap((t) => featuresOf(t, read, false)),
    passageIds: all.flatMap((t) => tokenIds(t.word, t.stem)),
    passageFeatures: all.flatMap((t, i) => featuresOf(t, asked, i < title.length)),
    tokens: all.map((t, i) => (i < title.length ? null : { start: t.start, end: t.end })),
  };
}
