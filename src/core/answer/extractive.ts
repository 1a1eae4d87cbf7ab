import { cosine, storyFingerprint } from '../text/story-print.js';
import type { StoreReader } from '../index/port.js';
import type { Analyzer } from '../text/analyze.js';
import { questionStats, questionWords } from '../question/coverage.js';
import type { Answer, AnswerEvent, Citation, Hit, ShortAnswer } from '../types.js';
import type { Answerer, AnswerInput } from './answerer.js';
import { questionKind } from '../question/kind.js';
import { abstention } from './abstention.js';
import { articleSpan, offlineAnswer } from './offline-answer.js';
import { readSentences, type SentenceCandidate } from './read.js';
import { choiceFeatures } from './reader/choice.js';
import { logit, sigmoid } from './reader/logistic.js';
import { readQuestion, type ReaderQuestion } from './reader/question.js';
import { renderShort } from './reader/render.js';
import { shortAnswer } from './reader/short.js';
import { shippedWeights, type ReaderWeights } from './reader/weights.js';
import { DEFAULT_EXTRACTIVE, type ExtractiveOptions } from '../settings.js';

/**
 * Whether the hand-set coverage rule answers from a sentence: kabar abstains when it does not answer
 * from its best one, and when that sentence says the opposite of the question.
 */
export const ruleAnswers = (c: SentenceCandidate, { minCoverage, paraphrase }: ExtractiveOptions): boolean =>
  !c.contradicted &&
  (c.coverage >= minCoverage || (c.coverage >= paraphrase.minCoverage && c.evidence >= paraphrase.minEvidence));

/** A sentence's reading: its short answer and the choice model's chance that it holds the answer. */
export interface Reading {
  candidate: SentenceCandidate;
  short: ReturnType<typeof shortAnswer>;
  features: number[];
  confidence: number;
}

/**
 * The rule's best sentence and its next best single sentences in the same language, `options.choices` in
 * all, read by the short-answer and choice models, in the rule's order. The choice model learned from one
 * language (the same story in the other is cited as its translation), and a pair of sentences, more
 * likely to hold an answer but a worse place for a short one, is weighed only when the rule itself picks it.
 */
export function readChoices(
  question: ReaderQuestion,
  candidates: SentenceCandidate[],
  analyzer: Analyzer,
  options: ExtractiveOptions,
  weights: ReaderWeights,
): Reading[] {
  const top = candidates[0];
  const alternatives = candidates.filter((c, i) => i === 0 || (!c.pair && c.article.lang === top.article.lang));
  return alternatives.slice(0, options.choices).map((candidate, position) => {
    const short = shortAnswer(question, candidate.sentence, candidate.article.lang, analyzer, weights);
    const features = choiceFeatures({
      question,
      best: candidate,
      position,
      gap: top.score - candidate.score,
      ruleAnswers: ruleAnswers(candidate, options),
      span: short.choice,
    });
    return { candidate, short, features, confidence: sigmoid(logit(weights.choice, features)) };
  });
}

/** The likeliest reading (the first of equals). */
export const likeliest = (readings: Reading[]): Reading | undefined =>
  readings.reduce<Reading | undefined>((best, r) => (!best || r.confidence > best.confidence ? r : best), undefined);

/**
 * The offline answerer: quotes the sentence that covers most of the question's content (weighted by
 * rarity, across languages through the lexicon), cites it and its translation when the same story is
 * in the other language, and abstains when no sentence covers enough of the question. The rule's
 * best few sentences are weighed by a learned model of the chance that a sentence holds the answer
 * (from its coverage, its window's, its rank and the short answer found in it): the likeliest is
 * quoted, and the chance is the answer's `confidence`. Inside the quoted sentence, the learned
 * short-answer model picks the answer itself (a name, number, date, place or phrase), shown first;
 * for why/how questions, or when no span is likely enough, the sentence is the answer.
 */
/** An answer with whether one of the reader's checks refused it (see ExtractiveAnswerer.read). */
export interface CheckedAnswer {
  answer: Answer;
  refused: boolean;
}

export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';

  constructor(
    private readonly store: Pick<StoreReader, 'passages' | 'termStats'>,
    private readonly analyzer: Analyzer,
    private readonly options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
    private readonly weights: ReaderWeights = shippedWeights(),
  ) {}

  async *answer(input: AnswerInput): AsyncGenerator<AnswerEvent> {
    const { answer } = await this.read(input);
    yield { type: 'token', text: answer.answer };
    yield { type: 'done', answer };
  }

  /**
   * The answer, and whether a check refused it: the sentence that covers most of the question says
   * the opposite of it, or the question asks for an office's holder and that sentence names none.
   * Another reader deciding with this one leaves such a refusal standing.
   */
  async read({ question, query, hits }: AnswerInput): Promise<CheckedAnswer> {
    const { store, analyzer, options, weights } = this;
    const started = performance.now();
    const words = questionWords(query, analyzer, await questionStats(query, analyzer, store));
    const read = hits.slice(0, options.depth);
    const records = await store.passages(read.flatMap((hit) => [hit.passage.id, ...hit.related.map((r) => r.id)]));
    const asked = readQuestion(question, query, words);
    const candidates = readSentences(
      { words, kind: questionKind(question), lang: query.lang },
      read,
      records,
      analyzer,
      options,
    );
    const reading = likeliest(readChoices(asked, candidates, analyzer, options, weights));
    const best = reading?.candidate;

    let answer: string;
    let citations: Citation[] = [];
    let short: ShortAnswer | null = null;
    const abstained = !best || !reading || !ruleAnswers(candidates[0], options);
    if (abstained) {
      answer = abstention(question, query.lang);
    } else {
      const cite = (c: SentenceCandidate, n: number): Citation => ({
        n,
        ...articleSpan(c.article, c.passageId, c.sentence),
      });
      citations = [cite(best, 1)];
      const twin = translationOf(best, hits, candidates, analyzer, options.translationSimilarity);
      if (twin) citations.push(cite(twin, 2));
      const span = reading.short.span;
      if (span)
        short = {
          ...citations[0],
          start: span.start,
          end: span.end,
          text: span.text,
          shown: renderShort(span.text, best.article.lang, query.lang),
        };
      const text = short ? short.shown : best.sentence.text.trim().replace(/\s+/g, ' ');
      answer = `${text} ${citations.map((c) => `[${c.n}]`).join('')}`;
    }
    const result = offlineAnswer(
      { question, query, hits },
      {
        answer,
        abstained,
        citations,
        short,
        support: abstained ? null : citations[0],
        confidence: reading?.confidence ?? 0,
      },
      started,
    );
    const top = candidates[0];
    return { answer: result, refused: abstained && !!top && (top.contradicted || top.unnamed) };
  }
}

/** The offline answerer over a store (see ExtractiveAnswerer). */
export function createExtractiveAnswerer(
  store: Pick<StoreReader, 'passages' | 'termStats'>,
  analyzer: Analyzer,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  weights: ReaderWeights = shippedWeights(),
): Answerer {
  return new ExtractiveAnswerer(store, analyzer, options, weights);
}

/** The sentence telling the same thing in the best sentence's same-story twin, if there is one. */
function translationOf(
  best: SentenceCandidate,
  hits: Hit[],
  candidates: SentenceCandidate[],
  analyzer: Analyzer,
  minSimilarity: number,
): SentenceCandidate | undefined {
  const hit = hits.find((h) => h.passage.id === best.passageId || h.related.some((r) => r.id === best.passageId));
  if (!hit) return undefined;
  const twins = new Set([hit.passage.id, ...hit.related.map((r) => r.id)]);
  const print = storyFingerprint(best.sentence.text, analyzer);
  let match: SentenceCandidate | undefined;
  let similarity = minSimilarity;
  for (const c of candidates) {
    if (!twins.has(c.passageId) || c.article.file === best.article.file) continue;
    const s = cosine(print, storyFingerprint(c.sentence.text, analyzer));
    if (s > similarity) {
      similarity = s;
      match = c;
    }
  }
  return match;
}
