import { UserError } from '../../core/errors.js';
import { abortableFetch } from '../abortable-fetch.js';
import { retryOnlyTransient } from '../retry-policy.js';
import type { ChatMessage, ChatModel, ChatModelInfo } from '../../core/answer/chat-model.js';

/** The part of a LangChain chat model kabar uses. */
export interface LangChainStreamer {
  stream(input: [string, string][], options: { signal: AbortSignal }): Promise<AsyncIterable<{ content: unknown }>>;
}

export interface StreamingClientOptions {
  info: ChatModelInfo;
  /** Builds the LangChain client around a fetch that honours the request's deadline and cancellation. */
  build(fetch: typeof globalThis.fetch): LangChainStreamer;
  /** Deadline for one request, from sending it to the last token (KABAR_LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Extra tries when the server is busy (429) or failing (5xx) before any text arrived. */
  maxRetries: number;
  /** First wait between tries; doubled each time. */
  retryDelayMs: number;
  /** Turns a failed request into the UserError that tells what to fix. */
  translateError(error: unknown, context: { timedOut: boolean; attempts: number }): UserError;
  fetch?: typeof fetch;
}

const ROLE = { system: 'system', user: 'human', assistant: 'ai' } as const;

export const cancelledRequest = () => new UserError('CANCELLED', 'The question was cancelled.');

function textOf(chunk: { content: unknown }): string {
  const { content } = chunk;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
  return '';
}

function isTransient(error: unknown): boolean {
  try {
    retryOnlyTransient(error);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(cancelledRequest());
    }
    signal?.addEventListener('abort', stop, { once: true });
  });

/** Rejects as soon as `signal` aborts, whatever `promise` does (a client that ignores the signal cannot hang us). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}

/**
 * A chat model over a LangChain client: each request gets its own deadline, is cancelled by the
 * caller's signal, and is retried with backoff on 429/5xx as long as no text has been streamed.
 */
export function streamingChatModel(options: StreamingClientOptions): ChatModel {
  const { info, timeoutMs, maxRetries, retryDelayMs } = options;
  return {
    info,
    async *stream(messages: ChatMessage[], { signal } = {}) {
      for (let attempt = 1; ; attempt += 1) {
        if (signal?.aborted) throw cancelledRequest();
        const deadline = AbortSignal.timeout(timeoutMs);
        const request = signal ? AbortSignal.any([signal, deadline]) : deadline;
        const client = options.build(abortableFetch({ fetch: options.fetch, signal: request }));
        let produced = false;
        try {
          const stream = await raceAbort(
            client.stream(
              messages.map((m) => [ROLE[m.role], m.content]),
              { signal: request },
            ),
            request,
          );
          const iterator = stream[Symbol.asyncIterator]();
          try {
            for (;;) {
              const next = await raceAbort(iterator.next(), request);
              if (next.done) break;
              const text = textOf(next.value);
              if (text) {
                produced = true;
                yield text;
              }
            }
          } finally {
            if (request.aborted) void iterator.return?.().catch(() => {});
          }
          return;
        } catch (error) {
          if (signal?.aborted) throw cancelledRequest();
          if (error instanceof UserError) throw error;
          const timedOut = deadline.aborted;
          if (!produced && !timedOut && attempt <= maxRetries && isTransient(error)) {
            await sleep(retryDelayMs * 2 ** (attempt - 1), signal);
            continue;
          }
          throw options.translateError(error, { timedOut, attempts: attempt });
        }
      }
    },
  };
}
