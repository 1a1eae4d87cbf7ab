import { UserError } from '../../core/errors.js';
import { EMBEDDINGS_FALLBACK, serverFailure } from '../server-failure.js';
import { redactSecrets } from '../../core/redact.js';
import { abortableFetch } from '../abortable-fetch.js';
import { checkedEmbedder } from './checked-embeddings.js';
import type { Embedder } from '../../core/embedder.js';
import { retryOnlyTransient } from '../retry-policy.js';

export const DEFAULT_OPENAI_EMBEDDINGS_MODEL = 'text-embedding-3-small';
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIEmbedderOptions {
  /** Embedding model name (KABAR_EMBEDDINGS_MODEL); undefined means {@link DEFAULT_OPENAI_EMBEDDINGS_MODEL}. */
  model?: string;
  /** OPENAI_API_KEY; required, any value for a local server that ignores it. */
  apiKey?: string;
  /** OPENAI_BASE_URL, ending in /v1; undefined means {@link DEFAULT_OPENAI_BASE_URL}. */
  baseUrl?: string;
  /** Per request. */
  timeoutMs?: number;
  /** Extra tries for a busy (429) or failing (5xx) server. */
  maxRetries?: number;
  /** Texts per request. */
  batchSize?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_BATCH_SIZE = 64;

/** An embedder using any server that speaks OpenAI's `POST /v1/embeddings`. */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const model = options.model ?? DEFAULT_OPENAI_EMBEDDINGS_MODEL;
  if (!options.apiKey) {
    throw new UserError('BAD_CONFIG', 'OPENAI_API_KEY is not set, so the OpenAI embeddings cannot be used.', {
      hint: 'Set OPENAI_API_KEY (any value for a local server that needs no key), or use KABAR_EMBEDDINGS=hashing.',
    });
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const url = redactSecrets(`${baseUrl}/embeddings`);

  const { OpenAIEmbeddings } = await import('@langchain/openai');
  const client = new OpenAIEmbeddings({
    model,
    apiKey: options.apiKey,
    batchSize,
    encodingFormat: 'float',
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxConcurrency: 1,
    onFailedAttempt: retryOnlyTransient,
    configuration: { baseURL: baseUrl, fetch: abortableFetch({ fetch: options.fetch, signal: options.signal }) },
  });
  return checkedEmbedder('openai', model, {
    raw: { embed: (texts) => client.embedDocuments(texts) },
    batchSize,
    signal: options.signal,
    translateError: (error) =>
      serverFailure(error, {
        server: `The embeddings server at ${url}`,
        model,
        timeoutMs,
        addressVariable: 'OPENAI_BASE_URL',
        modelVariable: 'KABAR_EMBEDDINGS_MODEL',
        missingModelHint: 'Set KABAR_EMBEDDINGS_MODEL to an embedding model the server offers.',
        keyHint: 'Check OPENAI_API_KEY',
        fallback: EMBEDDINGS_FALLBACK,
        secrets: [options.apiKey ?? ''],
      }),
    malformed: (detail) =>
      new UserError('SERVER_REJECTED', `The embeddings server at ${url} answered with ${detail}.`, {
        hint: 'Check that OPENAI_BASE_URL points to an OpenAI-compatible server (ending in /v1).',
      }),
  });
}
