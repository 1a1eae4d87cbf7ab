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

/**
 * The two calls core makes on an embedding model; LangChain's `EmbeddingsInterface` has this shape,
 * so the providers hand their models over as they are and LangChain's types stay in providers/.
 */
export interface Embeddings {
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
}

/** The port for embedding models: a model with the facts the index needs about it. */
export interface Embedder {
  readonly info: EmbedderInfo;
  readonly embeddings: Embeddings;
}

/** A stable id for an embedder, usable as a folder name. */
export const embedderKey = (info: EmbedderInfo): string =>
  `${info.provider}-${info.model}-${info.dimensions}`.replace(/[^A-Za-z0-9._-]+/g, '_');
