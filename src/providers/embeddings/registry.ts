import type { Config } from '../../core/config/config.js';
import type { Analyzer } from '../../core/text/analyze.js';
import type { Embedder } from '../../core/embedder.js';
import { createHashingEmbedder } from './hashing.js';
import { createOllamaEmbedder, type OllamaEmbedderOptions } from './ollama.js';
import { createOpenAIEmbedder, type OpenAIEmbedderOptions } from './openai.js';
import {
  createTransformersEmbedder,
  type ModelLoadProgress,
  type TransformersEmbedderOptions,
} from './transformers.js';

/** What picking an embedder needs from the configuration. */
export type EmbedderConfig = Config['embeddings'] & Pick<Config, 'openai' | 'ollama'>;

/** How each provider is built; replaceable for tests. */
export interface EmbedderFactories {
  hashing(analyzer?: Analyzer): Embedder;
  transformers(options: TransformersEmbedderOptions): Promise<Embedder>;
  openai(options: OpenAIEmbedderOptions): Promise<Embedder>;
  ollama(options: OllamaEmbedderOptions): Promise<Embedder>;
}

export interface EmbedderDeps {
  /** Stops a neural embedder between batches and cancels its requests. */
  signal?: AbortSignal;
  /** Model download progress (transformers only). */
  onProgress?: (progress: ModelLoadProgress) => void;
  /** fetch for the HTTP providers. */
  fetch?: typeof fetch;
  factories?: Partial<EmbedderFactories>;
  /** The analyzer the hashing embedder shares with the engine (made once per process: building its lexicon stems every entry). */
  analyzer?: Analyzer;
}

const defaultFactories: EmbedderFactories = {
  hashing: (analyzer) => createHashingEmbedder({ analyzer }),
  transformers: createTransformersEmbedder,
  openai: createOpenAIEmbedder,
  ollama: createOllamaEmbedder,
};

/** Builds the configured embedder; neural providers load their libraries only here. */
export async function createEmbedder(config: EmbedderConfig, deps: EmbedderDeps = {}): Promise<Embedder> {
  const factories = { ...defaultFactories, ...deps.factories };
  const { signal, fetch } = deps;
  switch (config.provider) {
    case 'hashing':
      return factories.hashing(deps.analyzer);
    case 'transformers':
      return factories.transformers({
        model: config.model,
        modelsDir: config.modelsDir,
        onProgress: deps.onProgress,
        signal,
      });
    case 'openai':
      return factories.openai({
        model: config.model,
        apiKey: config.openai.apiKey,
        baseUrl: config.openai.baseUrl,
        signal,
        fetch,
      });
    case 'ollama':
      return factories.ollama({ model: config.model, host: config.ollama.host, signal, fetch });
    default: {
      const unknown: never = config.provider;
      throw new Error(`Unknown embeddings provider: ${String(unknown)}`);
    }
  }
}
