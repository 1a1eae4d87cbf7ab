import { jsonErrors, ollamaBaseUrl } from '../embeddings/ollama.js';
import type { ChatModel } from '../../core/answer/chat-model.js';
import { CHAT_FALLBACK, serverFailure } from '../server-failure.js';
import { streamingChatModel, type LangChainStreamer } from './streaming-client.js';

export const DEFAULT_OLLAMA_CHAT_MODEL = 'qwen2.5:7b';

export interface OllamaChatOptions {
  /** KABAR_LLM_MODEL; undefined means {@link DEFAULT_OLLAMA_CHAT_MODEL}. */
  model?: string;
  /** OLLAMA_HOST. */
  host: string;
  /** KABAR_LLM_TIMEOUT_MS: deadline of one request, first byte to last token (includes loading the model). */
  timeoutMs: number;
  maxRetries?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** A chat model on a running Ollama server (`POST /api/chat`, NDJSON stream), through LangChain's ChatOllama. */
export async function createOllamaChatModel(options: OllamaChatOptions): Promise<ChatModel> {
  const model = options.model ?? DEFAULT_OLLAMA_CHAT_MODEL;
  const baseUrl = ollamaBaseUrl(options.host);
  const url = `${baseUrl}/api/chat`;
  const { ChatOllama } = await import('@langchain/ollama');
  return streamingChatModel({
    info: { provider: 'ollama', model, url },
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 1000,
    build: (fetch) =>
      new ChatOllama({
        model,
        baseUrl,
        temperature: 0,
        maxRetries: 0,
        fetch: jsonErrors(fetch),
      }) as unknown as LangChainStreamer,
    fetch: options.fetch,
    translateError: (error, { timedOut, attempts }) =>
      serverFailure(error, {
        server: `Ollama at ${url}`,
        model,
        timeoutMs: options.timeoutMs,
        timedOut,
        attempts,
        addressVariable: 'OLLAMA_HOST',
        modelVariable: 'KABAR_LLM_MODEL',
        timeoutVariable: 'KABAR_LLM_TIMEOUT_MS',
        fallback: CHAT_FALLBACK,
        missingModelHint: `Run \`ollama pull ${model}\`, or set KABAR_LLM_MODEL to a model that \`ollama list\` shows.`,
      }),
  });
}
