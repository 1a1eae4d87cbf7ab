import { UserError } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import { httpStatus, isTimeout, shortMessage, unreachableReason } from './network-failure.js';

/** What a failed request to a model server (chat or embeddings, OpenAI-compatible or Ollama) was, for its message. */
export interface ServerFailureContext {
  /** "The chat server at http://…", "The embeddings server at http://…" or "Ollama at http://…". */
  server: string;
  model: string;
  timeoutMs: number;
  /** The request ran out of time after the server had started answering (a stalled stream). */
  timedOut?: boolean;
  /** Tries made, retries included. */
  attempts?: number;
  /** The variable that says where the server is: OPENAI_BASE_URL or OLLAMA_HOST. */
  addressVariable: string;
  /** The variable that names the model: KABAR_LLM_MODEL or KABAR_EMBEDDINGS_MODEL. */
  modelVariable: string;
  /** The variable that sets the time limit, where there is one: KABAR_LLM_TIMEOUT_MS. */
  timeoutVariable?: string;
  /** What to do when the model is missing. */
  missingModelHint: string;
  /** What to do when the key is refused; undefined when the server takes no key. */
  keyHint?: string;
  /** The way around the server, ending every hint: "or set KABAR_LLM=none for the offline extractive answers". */
  fallback: string;
  /** The configured API key and the like: never printed, even when the server echoes them. */
  secrets?: string[];
}

/** The way around a chat server that fails. */
export const CHAT_FALLBACK = 'or set KABAR_LLM=none for the offline extractive answers';
/** The way around an embeddings server that fails. */
export const EMBEDDINGS_FALLBACK = 'or use KABAR_EMBEDDINGS=hashing, which needs no server';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Turns a failed request to a model server into the UserError that tells what to fix: one ladder for every provider. */
export function serverFailure(error: unknown, context: ServerFailureContext): UserError {
  const { model, timeoutMs, addressVariable, fallback, attempts = 1 } = context;
  const server = redactSecrets(context.server, context.secrets);
  const status = httpStatus(error);
  const message = shortMessage(error, context.secrets);
  if (context.timedOut || (status === undefined && isTimeout(error))) {
    return new UserError(
      'SERVER_UNREACHABLE',
      `${server} did not ${context.timedOut ? 'finish answering' : 'answer'} within ${seconds(timeoutMs)} s.`,
      {
        hint: `Check that the server is running and not overloaded and that ${addressVariable} points to it, ${context.timeoutVariable ? `raise ${context.timeoutVariable}, ` : ''}${fallback}.`,
        cause: error,
      },
    );
  }
  if (status === 401 || status === 403) {
    return new UserError('SERVER_REJECTED', `${server} rejected the API key (HTTP ${status}).`, {
      hint: `${context.keyHint ?? 'Check the server’s access settings'}, ${fallback}.`,
      cause: error,
    });
  }
  if (status === 404 && /model|not found/i.test(message)) {
    return new UserError('MODEL_MISSING', `${server} has no model ${model}: ${message}.`, {
      hint: context.missingModelHint,
      cause: error,
    });
  }
  if (status === 429) {
    return new UserError(
      'SERVER_REJECTED',
      `${server} is still rate-limiting requests (HTTP 429) after ${attempts} tries.`,
      {
        hint: `Wait a moment and try again, ${fallback}.`,
        cause: error,
      },
    );
  }
  if (status !== undefined) {
    const tries = attempts > 1 ? ` after ${attempts} tries` : '';
    return new UserError('SERVER_REJECTED', `${server} answered HTTP ${status}${tries}: ${message}.`, {
      hint: `Check ${addressVariable} and ${context.modelVariable}, ${fallback}.`,
      cause: error,
    });
  }
  if (error instanceof SyntaxError) {
    return new UserError('SERVER_REJECTED', `${server} sent a stream line that is not JSON.`, {
      hint: `Check that ${addressVariable} points to the right kind of server, ${fallback}.`,
      cause: error,
    });
  }
  const reason = unreachableReason(error);
  if (reason !== undefined) {
    return new UserError('SERVER_UNREACHABLE', `Could not reach ${server.replace(/^The /, 'the ')} (${reason}).`, {
      hint: `Start it, or set ${addressVariable} to where it runs, ${fallback}.`,
      cause: error,
    });
  }
  return new UserError('SERVER_REJECTED', `${server} gave an answer kabar could not read: ${message}.`, {
    hint: `Check that ${addressVariable} points to the right kind of server, ${fallback}.`,
    cause: error,
  });
}
