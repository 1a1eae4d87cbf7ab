import type { Embedder } from '../embedder.js';
import { cosine, storyFingerprint } from '../text/story-print.js';
import type { Analyzer } from '../text/analyze.js';
import { vectorCosine } from '../text/vector-cosine.js';
import { factFactor } from './facts.js';
import type { Alignment, SentenceWords } from './fuzzy.js';
import type { NormWord } from './normalize.js';
import type { Lang } from '../types.js';
import { detectLanguage } from '../text/language.js';
import { translatedShare } from './translated.js';

/** A sentence with its text, for embedding. */
export interface Sentence extends SentenceWords {
  text: string;
}

/** The longest run of sentences a paraphrase or translation may span. */
export const MAX_SEMANTIC_WINDOW = 2;
/** How the two similarities are mixed: the story fingerprint (names, numbers, bilingual concepts) and the embedder's cosine. */
const FINGERPRINT_WEIGHT = 0.6;

/** A span much longer or shorter than the quote is less likely to say the same thing, whatever it shares. */
const lengthFactor = (a: number, b: number): number => (Math.min(a, b) / Math.max(a, b, 1)) ** 0.25;

/**
 * The run of one or two sentences that says most nearly what the quote says, in either language: the
 * story fingerprints' cosine mixed with the embedder's, then the fact check (numbers and names must
 * be there). In a group of the other language (`langs`, one per group), the share of the quote's words
 * found through their translations stands in for the fingerprint when it is higher: the fingerprint
 * knows only the lexicon's concepts. Each group of sentences is scored separately (sentences of
 * different articles or of distant parts of one article never form one span).
 */
export async function alignSemantic(
  quote: string,
  quoteWords: NormWord[],
  groups: Sentence[][],
  analyzer: Analyzer,
  embedder: Embedder,
  langs: Lang[] = [],
): Promise<(Alignment & { group: number })[]> {
  const windows: { group: number; start: number; end: number; text: string; words: NormWord[] }[] = [];
  groups.forEach((sentences, group) => {
    for (let i = 0; i < sentences.length; i++) {
      for (let j = i; j < Math.min(sentences.length, i + MAX_SEMANTIC_WINDOW); j++) {
        const run = sentences.slice(i, j + 1);
        windows.push({
          group,
          start: run[0].start,
          end: run[run.length - 1].end,
          text: run.map((s) => s.text).join(' '),
          words: run.flatMap((s) => s.words),
        });
      }
    }
  });
  if (windows.length === 0) return [];
  const [queryVector, vectors] = await Promise.all([
    embedder.embeddings.embedQuery(quote),
    embedder.embeddings.embedDocuments(windows.map((w) => w.text)),
  ]);
  const print = storyFingerprint(quote, analyzer);
  const quoteLang = detectLanguage(quote);
  const translated = translatedShare(quote, quoteLang, analyzer);
  const best = new Map<number, Alignment & { group: number }>();
  windows.forEach((w, n) => {
    const across = langs[w.group] !== undefined && langs[w.group] !== quoteLang ? translated(w.text) : 0;
    const similarity =
      FINGERPRINT_WEIGHT * Math.max(cosine(print, storyFingerprint(w.text, analyzer)), across) +
      (1 - FINGERPRINT_WEIGHT) * Math.max(0, vectorCosine(queryVector, vectors[n]));
    const score =
      similarity *
      lengthFactor(quoteWords.length, w.words.length) *
      factFactor(quoteWords, w.words, analyzer, { crossLanguage: true });
    const known = best.get(w.group);
    if (!known || score > known.score)
      best.set(w.group, { group: w.group, start: w.start, end: w.end, score, coverage: similarity });
  });
  return [...best.values()];
}
