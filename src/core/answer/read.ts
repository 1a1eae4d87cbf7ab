import type { PassageRecord } from '../index/port.js';
import {
  coverageOf,
  eitherFound,
  foundIn,
  stemmedTokens,
  wordsFound,
  type QuestionWord,
} from '../question/coverage.js';
import type { Analyzer } from '../text/analyze.js';
import { antonymsOf } from '../text/antonyms.js';
import type { ArticleMeta, Hit, Lang, Span } from '../types.js';
import { hasAnswerShape, type QuestionKind } from '../question/kind.js';
import { namesHolder, officesAsked } from '../question/office.js';
import type { ReadOptions } from '../settings.js';

/** How the answerer reads its hits' sentences; tuning numbers of the coverage rule. */
/** A sentence (or two adjacent ones) of a read passage, with how much of the question it and its window hold. */
export interface SentenceCandidate {
  sentence: Span;
  /** Two adjacent sentences quoted together. */
  pair: boolean;
  passageId: string;
  article: ArticleMeta;
  /** The rank of the hit it was read from (its twins share the rank). */
  rank: number;
  /** The share of the question's weighted content in the sentence. */
  share: number;
  /** The share found in the sentence or its window: the article's title and the sentences before and after. */
  windowShare: number;
  /** The question's name and number words (weighted share) that neither the sentence nor its window holds. */
  missingNames: number;
  /** The weighted share of the rarest question word that neither the sentence nor its window holds (0 when none is missing). */
  missingMost: number;
  /**
   * The sentence says the opposite of the question: it lacks a question word and holds its antonym
   * ("Kapan partai itu kalah?" over "Partai itu menang pada 1955").
   */
  contradicted: boolean;
  /** The question asks for an office's holder ("Who is the president of Russia?") and the sentence names none. */
  unnamed: boolean;
  /** The sentence holds the kind of fact asked for (a number for "how many"…). */
  shaped: boolean;
  /** The share, lowered for a shapeless sentence and by the cost of a pair: what the rule abstains on. */
  coverage: number;
  /** The summed rarity (IDF) of the question words found in the sentence. */
  evidence: number;
  /** The coverage with a little weight for rank and the question's language: what picks the sentence. */
  score: number;
}

/** The question as the sentence reader needs it. */
export interface ReadQuestion {
  words: QuestionWord[];
  kind: QuestionKind;
  lang: Lang;
}

const isNameOrNumber = (w: QuestionWord) => w.name || /\p{N}/u.test(w.word);

/**
 * Every sentence, and every pair of adjacent sentences, of the top `depth` hits and their same-story
 * twins, scored by the share of the question they cover, best first. A sentence is read with its
 * window (title, sentence before and after): a question names its subject where the answering sentence
 * says "it" or "the ministry", so what the window holds counts as context.
 */
export function readSentences(
  question: ReadQuestion,
  hits: Hit[],
  records: Map<string, PassageRecord>,
  analyzer: Analyzer,
  options: ReadOptions,
): SentenceCandidate[] {
  const { words, kind, lang } = question;
  const asked = new Set(words.map((w) => w.word));
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const offices = kind === 'who' ? officesAsked(words) : [];
  const opposites = words.map((w) => new Set([...w.forms].flatMap((f) => antonymsOf(f))));
  const opposable = opposites.some((o) => o.size > 0);
  const candidates: SentenceCandidate[] = [];
  const seen = new Set<string>();
  const consider = (passageId: string, rank: number) => {
    if (seen.has(passageId)) return;
    seen.add(passageId);
    const found = records.get(passageId);
    if (!found) return;
    const { passage, article } = found;
    const language = article.lang === lang ? options.sameLanguageBonus : 0;
    const title = wordsFound(words, article.title, article.lang, analyzer);
    const tokensIn = passage.sentences.map((s) => stemmedTokens(s.text, article.lang, analyzer));
    const inSentence = tokensIn.map((tokens) => foundIn(words, tokens));
    const holderIn = tokensIn.map((tokens) => offices.length > 0 && namesHolder(offices, tokens, asked, analyzer));
    const stemsIn = tokensIn.map((tokens) => (opposable ? new Set(tokens.map((t) => t.stem)) : new Set<string>()));
    const add = (sentence: Span, first: number, last: number, cost: number) => {
      const own = eitherFound(...inSentence.slice(first, last + 1));
      const window = eitherFound(own, title, inSentence[first - 1], inSentence[last + 1]);
      const { share, evidence } = coverageOf(words, own);
      const stems = stemsIn.slice(first, last + 1);
      const contradicted =
        opposable && words.some((_, i) => !own[i] && [...opposites[i]].some((a) => stems.some((st) => st.has(a))));
      const missing = words.reduce((sum, w, i) => sum + (isNameOrNumber(w) && !window[i] ? w.weight : 0), 0);
      const most = words.reduce((top, w, i) => (window[i] ? top : Math.max(top, w.weight)), 0);
      const shaped = hasAnswerShape(kind, sentence.text, asked);
      // A question for an office's holder ("Who is the president of Russia?") is answered only where one is named.
      const holder = offices.length === 0 || holderIn.slice(first, last + 1).some(Boolean);
      const coverage = holder ? share * (shaped ? 1 : options.shapelessFactor) - cost : 0;
      candidates.push({
        sentence,
        pair: last > first,
        passageId,
        article,
        rank,
        share,
        windowShare: coverageOf(words, window).share,
        missingNames: total > 0 ? missing / total : 0,
        missingMost: total > 0 ? most / total : 0,
        contradicted,
        unnamed: !holder,
        shaped,
        coverage,
        evidence,
        score: coverage + language + options.rankBonus / (rank + 1),
      });
    };
    // Two adjacent sentences compete too, at a cost, for answers that run over a full stop.
    passage.sentences.forEach((sentence, i) => {
      add(sentence, i, i, 0);
      const next = passage.sentences[i + 1];
      if (next)
        add(
          {
            start: sentence.start,
            end: next.end,
            text: passage.text.slice(sentence.start - passage.start, next.end - passage.start),
          },
          i,
          i + 1,
          options.pairCost,
        );
    });
  };
  hits.slice(0, options.depth).forEach((hit, rank) => {
    consider(hit.passage.id, rank);
    for (const twin of hit.related) consider(twin.id, rank);
  });
  return candidates.sort((a, b) => b.score - a.score);
}
