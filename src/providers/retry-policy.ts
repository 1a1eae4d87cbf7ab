import { httpStatus } from './network-failure.js';

/** Statuses worth another try: the server is busy or briefly failing. */
const TRANSIENT = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * A LangChain `onFailedAttempt` handler that retries only busy or failing servers; a refused
 * connection, a timeout, a rejected key or a bad request fails at once.
 */
export function retryOnlyTransient(error: unknown): void {
  const status = httpStatus(error);
  if (status === undefined || !TRANSIENT(status)) throw error;
}
