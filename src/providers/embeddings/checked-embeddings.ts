import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { UserError } from '../../core/errors.js';
import type { Embedder } from '../../core/embedder.js';
import { applyPrefix, prefixStyleFor, type PrefixStyle } from './prefix.js';

/** The raw model: texts in, vectors out, no prefixes, any number of texts per call. */
export interface RawEmbeddings {
  embed(texts: string[]): Promise<number[][]>;
}

export interface CheckedEmbeddingsOptions {
  raw: RawEmbeddings;
  prefix: PrefixStyle;
  /** Texts sent to the model in one call. */
  batchSize: number;
  /** Stops between batches; an aborted signal becomes UserError('CANCELLED'). */
  signal?: AbortSignal;
  /** Turns a failure of the model or server into a UserError when it is one; returns anything else unchanged. */
  translateError(error: unknown): unknown;
  /** Builds the error for an answer that is not one finite vector per text (e.g. a confused server). */
  malformed(detail: string): Error;
}

const cancelled = () => new UserError('CANCELLED', 'Embedding was cancelled.');

/**
 * LangChain embeddings over a raw model that add the model's query/passage prefixes, send texts in
 * batches, honour an AbortSignal, check every vector, and report failures as UserErrors.
 */
export class CheckedEmbeddings implements EmbeddingsInterface {
  /** Vector length, fixed by the first answer. */
  dimensions: number | undefined;
  private readonly options: CheckedEmbeddingsOptions;

  constructor(options: CheckedEmbeddingsOptions) {
    this.options = options;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.run([applyPrefix(this.options.prefix, 'query', text)]);
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const prefixed = texts.map((text) => applyPrefix(this.options.prefix, 'passage', text));
    const vectors: number[][] = [];
    for (let start = 0; start < prefixed.length; start += this.options.batchSize) {
      vectors.push(...(await this.run(prefixed.slice(start, start + this.options.batchSize))));
    }
    return vectors;
  }

  private async run(texts: string[]): Promise<number[][]> {
    const { signal } = this.options;
    if (signal?.aborted) throw cancelled();
    let vectors: number[][];
    try {
      vectors = await this.options.raw.embed(texts);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw this.options.translateError(error);
    }
    if (signal?.aborted) throw cancelled();
    this.check(texts.length, vectors);
    return vectors;
  }

  private check(expected: number, vectors: unknown): asserts vectors is number[][] {
    if (!Array.isArray(vectors) || vectors.length !== expected) {
      throw this.options.malformed(`${Array.isArray(vectors) ? vectors.length : 'no'} vectors for ${expected} texts`);
    }
    for (const vector of vectors as unknown[]) {
      if (
        !Array.isArray(vector) ||
        vector.length === 0 ||
        !vector.every((x) => typeof x === 'number' && Number.isFinite(x))
      ) {
        throw this.options.malformed('a vector that is not a list of finite numbers');
      }
      this.dimensions ??= vector.length;
      if (vector.length !== this.dimensions) {
        throw this.options.malformed(`vectors of ${vector.length} and ${this.dimensions} dimensions`);
      }
    }
  }
}

/** An embedder over a raw model: checked embeddings with the model's prefixes, its dimensions measured by one probe. */
export async function checkedEmbedder(
  provider: string,
  model: string,
  options: Omit<CheckedEmbeddingsOptions, 'prefix'>,
): Promise<Embedder> {
  const prefix = prefixStyleFor(model);
  const embeddings = new CheckedEmbeddings({ ...options, prefix });
  const probe = await embeddings.embedQuery('dimension probe');
  return { info: { provider, model, dimensions: probe.length, prefix }, embeddings };
}
