import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../src/core/config/config.js';
import { isUserError } from '../../../src/core/errors.js';
import type { Embedder } from '../../../src/core/embedder.js';
import {
  createEmbedder,
  type EmbedderConfig,
  type EmbedderFactories,
} from '../../../src/providers/embeddings/registry.js';

const fake = (provider: string): Embedder => ({
  info: { provider, model: 'fake', dimensions: 2, prefix: 'none' },
  embeddings: { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) },
});

function recordingFactories() {
  const calls: { provider: string; options: unknown }[] = [];
  const factories: EmbedderFactories = {
    hashing: () => {
      calls.push({ provider: 'hashing', options: undefined });
      return fake('hashing');
    },
    transformers: async (options) => {
      calls.push({ provider: 'transformers', options });
      return fake('transformers');
    },
    openai: async (options) => {
      calls.push({ provider: 'openai', options });
      return fake('openai');
    },
    ollama: async (options) => {
      calls.push({ provider: 'ollama', options });
      return fake('ollama');
    },
  };
  return { calls, factories };
}

const configFor = (env: Record<string, string>): EmbedderConfig => {
  const config = loadConfig(env, {}, '/work');
  return { ...config.embeddings, openai: config.openai, ollama: config.ollama };
};

describe('createEmbedder', () => {
  it('builds the hashing embedder by default', async () => {
    const embedder = await createEmbedder(configFor({}));
    assert.equal(embedder.info.provider, 'hashing');
    const [vector] = await embedder.embeddings.embedDocuments(['Rusia dan Iran']);
    assert.equal(vector.length, embedder.info.dimensions);
  });

  it('passes the model, the models folder, progress and the signal to transformers', async () => {
    const { calls, factories } = recordingFactories();
    const signal = new AbortController().signal;
    const onProgress = () => {};
    const config = configFor({
      KABAR_EMBEDDINGS: 'transformers',
      KABAR_EMBEDDINGS_MODEL: 'Xenova/e5',
      KABAR_MODELS_DIR: 'models',
    });
    const embedder = await createEmbedder(config, { factories, signal, onProgress });
    assert.equal(embedder.info.provider, 'transformers');
    assert.deepEqual(calls, [
      { provider: 'transformers', options: { model: 'Xenova/e5', modelsDir: '/work/models', onProgress, signal } },
    ]);
  });

  it('passes the key, base URL and model to the OpenAI-compatible embedder', async () => {
    const { calls, factories } = recordingFactories();
    const config = configFor({
      KABAR_EMBEDDINGS: 'openai',
      OPENAI_API_KEY: 'k',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    await createEmbedder(config, { factories });
    assert.deepEqual(calls, [
      {
        provider: 'openai',
        options: {
          model: undefined,
          apiKey: 'k',
          baseUrl: 'http://127.0.0.1:9/v1',
          signal: undefined,
          fetch: undefined,
        },
      },
    ]);
  });

  it('passes OLLAMA_HOST and the model to the Ollama embedder', async () => {
    const { calls, factories } = recordingFactories();
    await createEmbedder(configFor({ KABAR_EMBEDDINGS: 'ollama', KABAR_EMBEDDINGS_MODEL: 'bge-m3' }), { factories });
    assert.deepEqual(calls, [
      {
        provider: 'ollama',
        options: { model: 'bge-m3', host: 'http://127.0.0.1:11434', signal: undefined, fetch: undefined },
      },
    ]);
  });

  it('refuses OpenAI embeddings without a key before loading anything', async () => {
    await assert.rejects(
      createEmbedder(configFor({ KABAR_EMBEDDINGS: 'openai' })),
      (error) => isUserError(error) && error.code === 'BAD_CONFIG',
    );
  });
});
