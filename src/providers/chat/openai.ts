import { UserError } from '../../core/errors.js';
import { DEFAULT_OPENAI_BASE_URL } from '../embeddings/openai.js';
import type { ChatModel } from '../../core/answer/chat-model.js';
import { CHAT_FALLBACK, serverFailure } from '../server-failure.js';
import { streamingChatModel, type LangChainStreamer } from './streaming-client.js';

export const DEFAULT_OPENAI_CHAT_MODEL = 'gpt-4o-mini';

export interface OpenAIChatOptions {
  /** KABAR_LLM_MODEL; undefined means {@link DEFAULT_OPENAI_CHAT_MODEL}. */
  model?: string;
  /** OPENAI_API_KEY; required, any value for a local server that ignores it. */
  apiKey?: string;
  /** OPENAI_BASE_URL, ending in /v1. */
  baseUrl?: string;
  /** KABAR_LLM_TIMEOUT_MS: deadline of one request, first byte to last token. */
  timeoutMs: number;
  maxRetries?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** A chat model on any server speaking OpenAI's chat completions (streamed), through LangChain's ChatOpenAI. */
export async function createOpenAIChatModel(options: OpenAIChatOptions): Promise<ChatModel> {
  if (!options.apiKey) {
    throw new UserError('BAD_CONFIG', 'OPENAI_API_KEY is not set, so KABAR_LLM=openai cannot be used.', {
      hint: 'Set OPENAI_API_KEY (any value for a local server that needs no key), or set KABAR_LLM=none for offline extractive answers.',
    });
  }
  const model = options.model ?? DEFAULT_OPENAI_CHAT_MODEL;
  const baseUrl = (options.baseUrl ?? DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, '');
  const url = `${baseUrl}/chat/completions`;
  const { ChatOpenAI } = await import('@langchain/openai');
  return streamingChatModel({
    info: { provider: 'openai', model, url },
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 1000,
    fetch: options.fetch,
    secrets: options.apiKey ? [options.apiKey] : [],
    build: (fetch) =>
      new ChatOpenAI({
        model,
        apiKey: options.apiKey,
        temperature: 0,
        streaming: true,
        streamUsage: false,
        useResponsesApi: false,
        maxRetries: 0,
        timeout: options.timeoutMs,
        configuration: { baseURL: baseUrl, fetch, maxRetries: 0 },
      }) as unknown as LangChainStreamer,
    translateError: (error, { timedOut, attempts }) =>
      serverFailure(error, {
        server: `The chat server at ${url}`,
        model,
        timeoutMs: options.timeoutMs,
        timedOut,
        attempts,
        addressVariable: 'OPENAI_BASE_URL',
        modelVariable: 'KABAR_LLM_MODEL',
        timeoutVariable: 'KABAR_LLM_TIMEOUT_MS',
        fallback: CHAT_FALLBACK,
        keyHint: 'Check OPENAI_API_KEY',
        secrets: [options.apiKey ?? ''],
        missingModelHint: 'Set KABAR_LLM_MODEL to a chat model the server offers.',
      }),
  });
}
