/**
 * Errors a user can cause and fix. Anything else that escapes is a bug.
 * The CLI prints `message` (and `hint` when present) as one sentence each and exits with `exitCode`.
 */
export type ErrorCode =
  | 'BAD_FLAG'
  | 'BAD_CONFIG'
  | 'CORPUS_MISSING'
  | 'CORPUS_EMPTY'
  | 'CORPUS_MISMATCH'
  | 'INDEX_CORRUPT'
  | 'INDEX_LOCKED'
  | 'INDEX_READONLY'
  | 'DISK_FULL'
  | 'INDEX_SCHEMA'
  | 'EXTENSION_MISSING'
  | 'NOT_FOUND'
  | 'BAD_QUESTION_FILE'
  | 'MODEL_MISSING'
  | 'SERVER_UNREACHABLE'
  | 'SERVER_REJECTED'
  | 'NOT_A_TERMINAL'
  | 'CANCELLED';

/** The exit code of a command the user stopped (Ctrl+C), as a shell gives a process ended by SIGINT. */
export const CANCELLED_EXIT = 130;

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? (code === 'CANCELLED' ? CANCELLED_EXIT : 2);
  }
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;

/** The one-line form of any error for a user: the message, then the hint. */
export function describeError(error: unknown): string {
  if (isUserError(error)) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
