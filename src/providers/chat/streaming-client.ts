import { UserError } from '../../core/errors.js';
import { abortableFetch } from '../abortable-fetch.js';
import { retryOnlyTransient } from '../retry-policy.js';
import { silenceConsole } from '../quiet-console.js';
import { ReplyRedactor } from './reply-redactor.js';
import { SIZE_LIMITS } from '../../core/settings.js';
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
  /** The API key and the like: taken out of the model's reply, as out of every other text kabar shows. */
  secrets?: string[];
}

const ROLE = { system: 'system', user: 'human', assistant: 'ai' } as const;

export const cancelledRequest = () => new UserError('CANCELLED', 'The question was cancelled.');

function textOf(chunk: { content: unknown }): string {
  const { content } = chunk;
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : ''))
      .join('');
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
        let received = 0;
        const redactor = new ReplyRedactor(options.secrets ?? []);
        // The client library may print a server's reply itself: nothing of it reaches the terminal.
        const restoreConsole = silenceConsole();
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
              received += text.length;
              if (received > SIZE_LIMITS.replyChars) {
                void iterator.return?.().catch(() => {});
                throw new UserError(
                  'SERVER_REJECTED',
                  `The reply of ${info.url} passed kabar's limit of ${SIZE_LIMITS.replyChars.toLocaleString('en')} characters and was cut off there.`,
                  { hint: 'Ask a narrower question, or use another model (KABAR_LLM_MODEL).' },
                );
              }
              if (text) {
                produced = true;
                const safe = redactor.push(text);
                if (safe) yield safe;
              }
            }
          } finally {
            if (request.aborted) void iterator.return?.().catch(() => {});
          }
          const rest = redactor.end();
          if (rest) yield rest;
          return;
        } catch (error) {
          if (signal?.aborted) throw cancelledRequest();
          // What arrived before the failure (a stalled stream's partial text) is passed on, redacted.
          const rest = redactor.end();
          if (rest) yield rest;
          if (error instanceof UserError) throw error;
          const timedOut = deadline.aborted;
          if (!produced && !timedOut && attempt <= maxRetries && isTransient(error)) {
            await sleep(retryDelayMs * 2 ** (attempt - 1), signal);
            continue;
          }
          throw options.translateError(error, { timedOut, attempts: attempt });
        } finally {
          restoreConsole();
        }
      }
    },
  };
}
