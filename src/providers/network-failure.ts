import { redactSecrets } from '../core/redact.js';

/** Socket-level error codes that mean the server could not be reached at all. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const MAX_CAUSE_DEPTH = 6;

function* causeChain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth += 1) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

/** The socket error code (e.g. ECONNREFUSED) behind an error, or "fetch failed" when fetch gave no code. */
export function unreachableReason(error: unknown): string | undefined {
  let fetchFailed = false;
  for (const link of causeChain(error)) {
    if (typeof link.code === 'string' && UNREACHABLE_CODES.has(link.code)) return link.code;
    if (link.message === 'fetch failed' || link.message === 'Connection error.') fetchFailed = true;
  }
  return fetchFailed ? 'fetch failed' : undefined;
}

/** True when the error is a timeout raised by a client or an AbortSignal.timeout. */
export function isTimeout(error: unknown): boolean {
  for (const link of causeChain(error)) {
    if (link.name === 'TimeoutError' || link.name === 'APIConnectionTimeoutError') return true;
    if (typeof link.message === 'string' && /timed out/i.test(link.message)) return true;
  }
  return false;
}

/** The HTTP status carried by a client error, if any. */
export function httpStatus(error: unknown): number | undefined {
  for (const link of causeChain(error)) {
    for (const key of ['status', 'status_code', 'statusCode'] as const) {
      const value = link[key];
      if (typeof value === 'number' && value >= 100 && value < 600) return value;
    }
  }
  return undefined;
}

/**
 * The error's own message, without a trailing period, for quoting inside a sentence. It may quote
 * the server's reply, so `secrets` and anything shaped like a credential are redacted.
 */
export function shortMessage(error: unknown, secrets: readonly (string | undefined)[] = []): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text.replace(/\s+/g, ' ').trim(), secrets).replace(/\.$/, '').slice(0, 300);
}
