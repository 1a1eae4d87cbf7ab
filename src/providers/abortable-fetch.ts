export interface AbortableFetchOptions {
  /** The fetch to wrap; the global one by default. */
  fetch?: typeof fetch;
  /** Aborts every request made through the returned fetch. */
  signal?: AbortSignal;
  /** Aborts a request that has not finished after this long, with a TimeoutError. */
  timeoutMs?: number;
}

/** A fetch whose requests also stop when `signal` aborts or `timeoutMs` passes. */
export function abortableFetch(options: AbortableFetchOptions): typeof fetch {
  const base = options.fetch ?? globalThis.fetch;
  return (input, init) => {
    const signals = [
      init?.signal ?? undefined,
      options.signal,
      options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    ].filter((signal): signal is AbortSignal => signal !== undefined);
    if (signals.length === 0) return base(input, init);
    return base(input, { ...init, signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) });
  };
}
