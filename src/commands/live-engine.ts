import { describeError, watchCorpus } from '../core/index.js';
import { createEngineHolder, type EngineHolder } from '../serve/engine-holder.js';
import { configFrom, engineFrom, type GlobalOptions } from './context.js';

/** An engine kept open by a long-running command, refreshed as the articles change. */
export interface LiveEngine {
  holder: EngineHolder;
  /** Stops watching (cancelling a refresh under way: the index stays as it was) and closes the engine once its requests are done. */
  stop(): Promise<void>;
}

/**
 * Opens the engine once and watches the corpus as `index --watch` does: on a change a refreshed engine
 * is opened beside the serving one and swapped in, so answers never wait for a refresh. A shared
 * server index is refreshed by `kabar index` only, so it is not watched.
 */
export async function openLiveEngine(
  global: GlobalOptions,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<LiveEngine> {
  // Every file is checked, at start and on each change the watcher reports: the folder check would miss a file rewritten in place.
  const first = await engineFrom(global, { signal, checkEveryFile: true });
  const config = configFrom(global);
  const reopen = (s: AbortSignal) =>
    engineFrom(
      { ...global, quiet: true, verbose: false },
      { signal: s, onProgress: () => {}, onWarning: log, checkEveryFile: true },
    );
  const holder = createEngineHolder(first, reopen);
  const stopping = new AbortController();
  const watching =
    config.store.kind === 'postgres'
      ? Promise.resolve()
      : watchCorpus(
          config.corpusDir,
          async () => {
            const started = performance.now();
            await holder.refresh(stopping.signal);
            if (!stopping.signal.aborted) {
              const r = holder.current.refresh;
              log(
                `refreshed in ${Math.round(performance.now() - started)} ms: ${r.added} added, ${r.changed} changed, ${r.removed} removed; ${r.articles} articles, ${r.passages} passages`,
              );
            }
          },
          {
            signal: stopping.signal,
            onError: (error) => !stopping.signal.aborted && log(`refresh failed: ${describeError(error)}`),
            onWarning: log,
          },
        );
  return {
    holder,
    async stop() {
      stopping.abort();
      await watching;
      await holder.close();
    },
  };
}
