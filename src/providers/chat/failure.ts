import { UserError } from '../../core/errors.js';
import { redactSecrets } from '../../core/redact.js';
import { httpStatus, isTimeout, shortMessage, unreachableReason } from '../embeddings/network-failure.js';

export interface ChatFailureContext {
  /** "The chat server at http://…" or "Ollama at http://…". */
  server: string;
  model: string;
  timeoutMs: number;
  timedOut: boolean;
  attempts: number;
  /** The variable that says where the server is: OPENAI_BASE_URL or OLLAMA_HOST. */
  addressVariable: string;
  /** What to do when the model is missing. */
  missingModelHint: string;
  /** What to do when the key is refused; undefined when the server takes no key. */
  keyHint?: string;
  /** The configured API key and the like: never printed, even when the server echoes them. */
  secrets?: string[];
}

const OFFLINE = 'or set KABAR_LLM=none for the offline extractive answers';

/** Turns a failed chat request into the UserError that tells what to fix. */
export function chatFailure(error: unknown, context: ChatFailureContext): UserError {
  const { model, timeoutMs, addressVariable } = context;
  const server = redactSecrets(context.server, context.secrets);
  const status = httpStatus(error);
  const message = shortMessage(error, context.secrets);
  if (context.timedOut || (status === undefined && isTimeout(error))) {
    return new UserError('SERVER_UNREACHABLE', `${server} did not finish answering within ${Math.round(timeoutMs / 100) / 10} s.`, {
      hint: `Check that the server is running and not overloaded, raise KABAR_LLM_TIMEOUT_MS, ${OFFLINE}.`,
      cause: error,
    });
  }
  if (status === 401 || status === 403) {
    return new UserError('SERVER_REJECTED', `${server} rejected the API key (HTTP ${status}).`, {
      hint: `${context.keyHint ?? 'Check the server’s access settings'}, ${OFFLINE}.`,
      cause: error,
    });
  }
  if (status === 404 && /model|not found/i.test(message)) {
    return new UserError('MODEL_MISSING', `${server} has no model ${model}: ${message}.`, { hint: context.missingModelHint, cause: error });
  }
  if (status === 429) {
    return new UserError('SERVER_REJECTED', `${server} is still rate-limiting requests (HTTP 429) after ${context.attempts} tries.`, {
      hint: `Wait a moment and ask again, ${OFFLINE}.`,
      cause: error,
    });
  }
  if (status !== undefined) {
    const tries = context.attempts > 1 ? ` after ${context.attempts} tries` : '';
    return new UserError('SERVER_REJECTED', `${server} answered HTTP ${status}${tries}: ${message}.`, {
      hint: `Check ${addressVariable} and KABAR_LLM_MODEL, ${OFFLINE}.`,
      cause: error,
    });
  }
  const reason = unreachableReason(error);
  if (reason !== undefined) {
    return new UserError('SERVER_UNREACHABLE', `Could not reach ${server.replace(/^The /, 'the ')} (${reason}).`, {
      hint: `Start it, or set ${addressVariable} to where it runs, ${OFFLINE}.`,
      cause: error,
    });
  }
  return new UserError('SERVER_REJECTED', `${server} gave an answer kabar could not read: ${message}.`, {
    hint: `Check that ${addressVariable} points to the right kind of server, ${OFFLINE}.`,
    cause: error,
  });
}
