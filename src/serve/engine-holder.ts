import type { Engine } from '../core/index.js';

/** An engine with the requests using it: a replaced engine is closed once its last request is done. */
interface Held {
  engine: Engine;
  users: number;
  retired: boolean;
}

/**
 * Keeps one engine open for every request, and swaps in a refreshed one when the articles change.
 * The refreshed engine is opened beside the one serving (readers are never blocked by a refresh);
 * requests already running finish on the engine they started with.
 */
export interface EngineHolder {
  /** Runs `work` on the current engine, which stays open until `work` ends. */
  use<T>(work: (engine: Engine) => Promise<T>): Promise<T>;
  /** Opens a refreshed engine and serves from it; an aborted refresh leaves the current engine serving. */
  refresh(signal: AbortSignal): Promise<void>;
  /** The engine serving now (for what needs no lease, e.g. its counts). */
  readonly current: Engine;
  /** Closes the engine once no request uses it. */
  close(): Promise<void>;
}

export function createEngineHolder(first: Engine, open: (signal: AbortSignal) => Promise<Engine>): EngineHolder {
  let held: Held = { engine: first, users: 0, retired: false };
  const closeWhenIdle = async (h: Held) => {
    h.retired = true;
    if (h.users === 0) await h.engine.close();
  };
  return {
    get current() {
      return held.engine;
    },
    async use(work) {
      const h = held;
      h.users++;
      try {
        return await work(h.engine);
      } finally {
        h.users--;
        if (h.retired && h.users === 0) await h.engine.close();
      }
    },
    async refresh(signal) {
      const next = await open(signal);
      if (signal.aborted) {
        await next.close();
        return;
      }
      const old = held;
      held = { engine: next, users: 0, retired: false };
      await closeWhenIdle(old);
    },
    close: () => closeWhenIdle(held),
  };
}
