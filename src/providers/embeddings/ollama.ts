import { UserError } from '../../core/errors.js';
import { EMBEDDINGS_FALLBACK, serverFailure } from '../server-failure.js';
import { abortableFetch } from '../abortable-fetch.js';
import { checkedEmbedder } from './checked-embeddings.js';
import type { Embedder } from '../../core/embedder.js';
import { retryOnlyTransient } from '../retry-policy.js';

export const DEFAULT_OLLAMA_EMBEDDINGS_MODEL = 'bge-m3';

export interface OllamaEmbedderOptions {
  /** Ollama model name (KABAR_EMBEDDINGS_MODEL); undefined means {@link DEFAULT_OLLAMA_EMBEDDINGS_MODEL}. */
  model?: string;
  /** OLLAMA_HOST, e.g. http://127.0.0.1:11434. */
  host: string;
  /** Per request; the first request also waits for Ollama to load the model. */
  timeoutMs?: number;
  /** Extra tries for a failing (5xx) server. */
  maxRetries?: number;
  /** Texts per request. */
  batchSize?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 180_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_BATCH_SIZE = 32;

/** The address ollama's client will use: a scheme added when missing, no trailing slash. */
export function ollamaBaseUrl(host: string): string {
  const withHost = host.startsWith(':') ? `127.0.0.1${host}` : host;
  const withScheme = withHost.includes('://') ? withHost : `http://${withHost}`;
  return withScheme.replace(/\/+$/, '');
}

/**
 * Ollama's client prints to the console when an error answer is not JSON; this fetch hands it
 * every error answer as JSON `{error}` instead.
 */
export function jsonErrors(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.ok || response.headers.get('content-type')?.includes('application/json')) return response;
    const text = (await response.text()).trim().slice(0, 300);
    return new Response(JSON.stringify({ error: text || `HTTP ${response.status} ${response.statusText}` }), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** An embedder using a running Ollama server (`POST /api/embed`). */
export async function createOllamaEmbedder(options: OllamaEmbedderOptions): Promise<Embedder> {
  const model = options.model ?? DEFAULT_OLLAMA_EMBEDDINGS_MODEL;
  const baseUrl = ollamaBaseUrl(options.host);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${baseUrl}/api/embed`;

  const { OllamaEmbeddings } = await import('@langchain/ollama');
  const client = new OllamaEmbeddings({
    model,
    baseUrl,
    truncate: true,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxConcurrency: 1,
    onFailedAttempt: retryOnlyTransient,
    fetch: jsonErrors(abortableFetch({ fetch: options.fetch, signal: options.signal, timeoutMs })),
  });
  return checkedEmbedder('ollama', model, {
    raw: { embed: (texts) => client.embedDocuments(texts) },
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    signal: options.signal,
    translateError: (error) =>
      serverFailure(error, {
        server: `Ollama at ${url}`,
        model,
        timeoutMs,
        addressVariable: 'OLLAMA_HOST',
        modelVariable: 'KABAR_EMBEDDINGS_MODEL',
        missingModelHint: `Pull it: run \`ollama pull ${model}\`, or set KABAR_EMBEDDINGS_MODEL to an embedding model that \`ollama list\` shows.`,
        fallback: EMBEDDINGS_FALLBACK,
      }),
    malformed: (detail) =>
      new UserError('SERVER_REJECTED', `Ollama at ${url} answered with ${detail}.`, {
        hint: 'Check that OLLAMA_HOST points to an Ollama server.',
      }),
  });
}
