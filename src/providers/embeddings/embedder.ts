import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** What built a set of vectors; recorded in the index manifest so vectors are never mixed. */
export interface EmbedderInfo {
  /** Provider name as configured: hashing, transformers, openai, ollama. */
  provider: string;
  model: string;
  dimensions: number;
  /** How queries and passages are prefixed before embedding ("none", or e.g. "e5" for `query: ` / `passage: `). */
  prefix: string;
  /** The weights file the vectors came from, where a provider can load more than one (transformers: quantized or full ONNX). */
  weights?: string;
}

/** An embedding model behind LangChain's interface, with the facts the index needs about it. */
export interface Embedder {
  readonly info: EmbedderInfo;
  readonly embeddings: EmbeddingsInterface;
}

/** A stable id for an embedder, usable as a folder name. */
export const embedderKey = (info: EmbedderInfo): string =>
  `${info.provider}-${info.model}-${info.dimensions}`.replace(/[^A-Za-z0-9._-]+/g, '_');
