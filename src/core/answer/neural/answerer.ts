import type { StoreReader, PassageRecord } from '../../index/port.js';
import type { Analyzer } from '../../text/analyze.js';
import type { AnswerEvent, ArticleSpan, Citation, Hit, ShortAnswer } from '../../types.js';
import { articleSpan, offlineAnswer } from '../offline-answer.js';
import { DEFAULT_EXTRACTIVE } from '../../settings.js';
import type { Answerer, AnswerInput } from '../answerer.js';
import { abstention } from '../abstention.js';
import { ExtractiveAnswerer } from '../extractive.js';
import { renderShort } from '../reader/render.js';
import { loadReaderModel, type ReaderModel } from './model.js';
import { readPassages } from './read.js';
import { jointChoice, jointFor, liesIn } from './joint.js';

export interface NeuralOptions {
  /** How many top hits (with their same-story twins) the model reads. */
  depth: number;
}

/** It reads as deep as the rules-and-features reader, so the two compare on the same passages. */
export const DEFAULT_NEURAL: NeuralOptions = { depth: DEFAULT_EXTRACTIVE.depth };

/** The passages of the top `depth` hits and their same-story twins, in rank order, each once. */
export async function passagesRead(
  store: Pick<StoreReader, 'passages'>,
  hits: Hit[],
  depth: number,
): Promise<PassageRecord[]> {
  const ids = [...new Set(hits.slice(0, depth).flatMap((hit) => [hit.passage.id, ...hit.related.map((r) => r.id)]))];
  const records = await store.passages(ids);
  return ids.flatMap((id) => records.get(id) ?? []);
}

/**
 * The offline answerer: a small neural reader, trained by `npm run train:reader`, reads the question
 * over the passages of the best hits in one run and finds the answer span, or says none holds it. Its
 * span is the short answer, the sentence holding it is the support and the citation, the span's
 * probability is the confidence; it abstains when no answer is likelier, by the margin chosen on the
 * dev splits (stored beside the model). The model loads on the first question.
 */
export class NeuralAnswerer implements Answerer {
  readonly name = 'neural';
  private reader: Promise<ReaderModel> | undefined;

  constructor(
    private readonly store: Pick<StoreReader, 'passages'>,
    private readonly analyzer: Analyzer,
    private readonly options: NeuralOptions = DEFAULT_NEURAL,
    private readonly load: () => Promise<ReaderModel> = loadReaderModel,
    /** The rules-and-features reader, deciding with the model where the config holds a joint decision, alone elsewhere. */
    private readonly features?: Pick<ExtractiveAnswerer, 'read'>,
  ) {}

  /** The model, loaded once; a failed load is reported on every question, not cached as a broken model. */
  private loaded(): Promise<ReaderModel> {
    this.reader ??= this.load();
    return this.reader.catch((error: unknown) => {
      this.reader = undefined;
      throw error;
    });
  }

  async *answer(input: AnswerInput): AsyncGenerator<AnswerEvent> {
    const { question, query, hits } = input;
    const loaded = await this.loaded();
    const started = performance.now();
    const records = await passagesRead(this.store, hits, this.options.depth);
    const reading = await readPassages(query.text, query.lang, records, this.analyzer, loaded);
    const margin = reading?.margin ?? -Infinity;
    const { joint } = loaded.config;
    let abstained = margin <= loaded.config.threshold;
    if (joint && this.features) {
      const decision = reading && jointFor(joint, query.lang, reading.record.article.lang);
      const theirs = await this.features.read(input);
      const span = reading && { file: reading.record.article.file, ...reading.span };
      const choice =
        decision && span
          ? jointChoice(
              {
                margin,
                answered: !theirs.answer.abstained,
                refused: theirs.refused,
                within: liesIn(span, theirs.answer.support),
                nested: liesIn(span, theirs.answer.short),
              },
              decision,
            )
          : 'features';
      if (choice === 'features') {
        yield { type: 'token', text: theirs.answer.answer };
        yield { type: 'done', answer: theirs.answer };
        return;
      }
      abstained = choice === 'abstain';
    }
    let answer: string;
    let citations: Citation[] = [];
    let short: ShortAnswer | null = null;
    let support: ArticleSpan | null = null;
    if (abstained || !reading) {
      answer = abstention(question, query.lang);
    } else {
      const { article, passage } = reading.record;
      const at = (span: { start: number; end: number; text: string }) => articleSpan(article, passage.id, span);
      support = at(reading.support);
      citations = [{ n: 1, ...support }];
      short = { ...at(reading.span), shown: renderShort(reading.span.text, article.lang, query.lang) };
      answer = `${short.shown} [1]`;
    }
    yield { type: 'token', text: answer };
    const result = offlineAnswer(
      { question, query, hits },
      {
        answer,
        abstained: abstained || !reading,
        citations,
        short,
        support,
        confidence: reading?.probability ?? 0,
      },
      started,
    );
    yield { type: 'done', answer: result };
  }
}

/** The neural reader, deciding with the rules-and-features reader over the same store when its config says so. */
export function createNeuralAnswerer(
  store: Pick<StoreReader, 'passages' | 'termStats'>,
  analyzer: Analyzer,
  options: NeuralOptions = DEFAULT_NEURAL,
  load: () => Promise<ReaderModel> = loadReaderModel,
): Answerer {
  return new NeuralAnswerer(store, analyzer, options, load, new ExtractiveAnswerer(store, analyzer));
}
