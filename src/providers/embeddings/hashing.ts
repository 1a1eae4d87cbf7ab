import { Embeddings } from '@langchain/core/embeddings';
import {
  ANALYSIS_VERSION,
  conceptsOf,
  createAnalyzer,
  searchable,
  tokenize,
  type Analyzer,
} from '../../core/text/analyze.js';
import type { Embedder } from '../../core/embedder.js';
import { isStopword } from '../../core/text/stopwords.js';

export interface HashingOptions {
  dimensions?: number;
  analyzer?: Analyzer;
}

/**
 * 256, not 512: FacQA and IDK-MRC dev retrieval stay within 0.005 (R@1/R@5/MRR) and HNSW inserts cost
 * about half (see HNSW_PARAMS in `core/settings.ts`).
 */
export const HASHING_DEFAULT_DIMENSIONS = 256;
const NGRAM_SIZES = [3, 4, 5];

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * An embedder that needs no model: each word, its character 3- to 5-grams and its bilingual lexicon
 * concepts are hashed into a fixed number of signed dimensions, then the vector is L2-normalised.
 * Character n-grams match inflections and typos ("Sergei"/"Sergey", "sanksi"/"sanctions"); concepts
 * let an English word meet its Indonesian translation. Deterministic and fast.
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly analyzer: Analyzer;

  constructor(options: HashingOptions = {}) {
    super({});
    this.dimensions = options.dimensions ?? HASHING_DEFAULT_DIMENSIONS;
    this.analyzer = options.analyzer ?? createAnalyzer();
  }

  embedText(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = hash(feature);
      vector[h % this.dimensions] += h & 0x80000000 ? -weight : weight;
    };
    const { analyzer } = this;
    for (const token of tokenize(text)) {
      if (!searchable(token, isStopword)) continue;
      const { word } = token;
      add(`w:${word}`, 1);
      const padded = `<${word}>`;
      const grams: string[] = [];
      for (const n of NGRAM_SIZES) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
      const gramWeight = 1 / Math.sqrt(Math.max(grams.length, 1));
      for (const gram of grams) add(`g:${gram}`, gramWeight);
      const concepts = conceptsOf(word, analyzer);
      for (const concept of concepts) add(`c:${analyzer.lexicon.key(concept)}`, 1 / concepts.length);
    }
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (x) => x / norm);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }
}

export function createHashingEmbedder(options: HashingOptions = {}): Embedder {
  const embeddings = new HashingEmbeddings(options);
  return {
    info: {
      provider: 'hashing',
      model: `charngram-lexicon-${ANALYSIS_VERSION}`,
      dimensions: embeddings.dimensions,
      prefix: 'none',
    },
    embeddings,
  };
}
