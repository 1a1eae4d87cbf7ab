import path from 'node:path';
import { isSourceFile } from '../sources/read.js';

/** How long the corpus must be quiet before a refresh: a scraper writing many files causes one refresh, not many. */
export const WATCH_DEBOUNCE_MS = 500;

export interface WatchOptions {
  debounceMs?: number;
  /** Stops watching; the returned promise then resolves. */
  signal?: AbortSignal;
  /** A refresh that failed; watching goes on. */
  onError?: (error: unknown) => void;
  /** Called once every change from now on will be seen (the watcher has listed the corpus). */
  onReady?: () => void;
}

/**
 * Watches a corpus (a folder, recursively, or one file) and calls `refresh` once its source files have been
 * quiet for `debounceMs`. Refreshes never overlap: changes that arrive during one cause exactly one more.
 */
export async function watchCorpus(
  corpus: string,
  refresh: () => Promise<void>,
  options: WatchOptions = {},
): Promise<void> {
  const { watch } = await import('chokidar');
  const debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
  const hidden = (file: string) =>
    path
      .relative(corpus, file)
      .split(path.sep)
      .some((part) => part.startsWith('.') || part === 'node_modules');
  const watcher = watch(corpus, {
    ignoreInitial: true,
    ignored: (file, stats) => hidden(file) || (stats?.isFile() === true && !isSourceFile(file)),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    do {
      again = false;
      running = refresh().catch((error: unknown) => options.onError?.(error));
      await running;
      running = null;
    } while (again && !options.signal?.aborted);
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };
  watcher.on('all', changed);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  options.onReady?.();
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
}
