import { describeError, isUserError, type ErrorCode } from '../core/index.js';

/** The one error body of the service, as OpenAI clients read it: `{"error": {"message", "type", "code"}}`. */
export interface ErrorBody {
  error: { message: string; type: string; code: string };
}

/** A failure with its HTTP status and the sentence a client is shown. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds a client should wait before trying again (503). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The OpenAI error `type` for a status: clients branch on it. */
const typeOf = (status: number): string =>
  status === 401
    ? 'authentication_error'
    : status === 404
      ? 'not_found_error'
      : status === 429 || status === 503
        ? 'server_overloaded'
        : status < 500
          ? 'invalid_request_error'
          : 'server_error';

/** User mistakes kabar's core reports, by the status that fits them. */
const USER_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_FLAG: 400,
  BAD_QUESTION_FILE: 400,
  NOT_FOUND: 404,
  INDEX_LOCKED: 503,
  CANCELLED: 499,
};

/** Failures of the language model or embeddings server: the client learns that it failed, never what the server said. */
const UPSTREAM: ReadonlySet<ErrorCode> = new Set(['SERVER_UNREACHABLE', 'SERVER_REJECTED', 'MODEL_MISSING']);

/**
 * Any error as a status and the one error body. A user mistake keeps its sentence; a model server's
 * failure and anything unexpected become a fixed sentence (the detail goes to the service's log, not
 * the client), so no stack trace or upstream body reaches a client.
 */
export function toErrorResponse(error: unknown): {
  status: number;
  body: ErrorBody;
  retryAfter?: number;
  logged?: string;
} {
  if (error instanceof ApiError)
    return { status: error.status, body: body(error.status, error.code, error.message), retryAfter: error.retryAfter };
  if (isUserError(error)) {
    if (UPSTREAM.has(error.code))
      return {
        status: 502,
        body: body(502, 'upstream_failed', 'The language model server failed to answer; the service log says why.'),
        logged: describeError(error),
      };
    const status = USER_STATUS[error.code];
    if (status) return { status, body: body(status, error.code.toLowerCase(), describeError(error)) };
  }
  return {
    status: 500,
    body: body(500, 'internal_error', 'kabar failed to answer this request; the service log says why.'),
    logged: describeError(error),
  };
}

const body = (status: number, code: string, message: string): ErrorBody => ({
  error: { message, type: typeOf(status), code },
});
