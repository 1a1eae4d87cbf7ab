import { UserError } from '../../core/errors.js';
import { redactSecrets } from '../../core/redact.js';
import { abortableFetch } from './abortable-fetch.js';
import { checkedEmbedder } from './checked-embeddings.js';
import type { Embedder } from './embedder.js';
import { httpStatus, isTimeout, shortMessage, unreachableReason } from './network-failure.js';
import { retryOnlyTransient } from './retry-policy.js';

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

/** Turns a failed request into the UserError that tells what to fix. */
function requestFailure(error: unknown, context: { url: string; model: string; timeoutMs: number; secrets: string[] }): UserError {
  const { url, model, timeoutMs, secrets } = context;
  const status = httpStatus(error);
  if (status === 401 || status === 403) {
    return new UserError('SERVER_REJECTED', `The embeddings server at ${url} rejected the API key (HTTP ${status}).`, {
      hint: 'Check OPENAI_API_KEY.',
      cause: error,
    });
  }
  if (status === 404 && /model/i.test(shortMessage(error, secrets))) {
    return new UserError('MODEL_MISSING', `The embeddings server at ${url} has no model ${model}: ${shortMessage(error, secrets)}.`, {
      hint: 'Set KABAR_EMBEDDINGS_MODEL to an embedding model the server offers.',
      cause: error,
    });
  }
  if (status !== undefined) {
    return new UserError('SERVER_REJECTED', `The embeddings server at ${url} answered HTTP ${status}: ${shortMessage(error, secrets)}.`, {
      hint: 'Check OPENAI_BASE_URL (it usually ends in /v1) and KABAR_EMBEDDINGS_MODEL.',
      cause: error,
    });
  }
  if (isTimeout(error)) {
    return new UserError('SERVER_UNREACHABLE', `The embeddings server at ${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
      hint: 'Check that the server is running and that OPENAI_BASE_URL points to it.',
      cause: error,
    });
  }
  const reason = unreachableReason(error);
  if (reason !== undefined) {
    return new UserError('SERVER_UNREACHABLE', `Could not reach the embeddings server at ${url} (${reason}).`, {
      hint: 'Start the server, or set OPENAI_BASE_URL to its address (ending in /v1).',
      cause: error,
    });
  }
  // Anything else came from reading the server's answer.
  return new UserError('SERVER_REJECTED', `The embeddings server at ${url} gave an answer that is not an embeddings list: ${shortMessage(error, secrets)}.`, {
    hint: 'Check that OPENAI_BASE_URL points to an OpenAI-compatible server (ending in /v1).',
    cause: error,
  });
}

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
  const context = { url: redactSecrets(`${baseUrl}/embeddings`), model, timeoutMs, secrets: [options.apiKey] };

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
    translateError: (error) => requestFailure(error, context),
    malformed: (detail) =>
      new UserError('SERVER_REJECTED', `The embeddings server at ${context.url} answered with ${detail}.`, {
        hint: 'Check that OPENAI_BASE_URL points to an OpenAI-compatible server (ending in /v1).',
      }),
  });
}
