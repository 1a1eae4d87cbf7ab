import path from 'node:path';
import { isSourceFile } from '../sources/read.js';
import { listCorpusOffThread } from '../corpus/listing.js';

/** How long the corpus must be quiet before a refresh: a scraper writing many files causes one refresh, not many. */
export const WATCH_DEBOUNCE_MS = 500;

/** How often a corpus with more files than the system lets a program watch is listed again instead. */
export const WATCH_POLL_MS = 60_000;

/** The watcher's errors that mean the system's limit on watched files (or open files) was reached. */
const LIMIT_CODES = new Set(['ENOSPC', 'EMFILE']);

/** What the watcher needs of chokidar's, so a test can pass one that fails. */
export interface CorpusWatcher {
  on(event: 'all', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
}

export interface WatchOptions {
  debounceMs?: number;
  /** Stops watching; the returned promise then resolves. */
  signal?: AbortSignal;
  /** A refresh that failed; watching goes on. */
  onError?: (error: unknown) => void;
  /** Called once every change from now on will be seen (the watcher has listed the corpus). */
  onReady?: () => void;
  /** Something the user should know that does not stop watching (the corpus is listed every `pollMs` instead). */
  onWarning?: (message: string) => void;
  pollMs?: number;
  /** Makes the watcher (chokidar's by default). */
  watch?: (corpus: string, ignored: (file: string, stats?: { isFile(): boolean }) => boolean) => CorpusWatcher;
}

async function chokidarWatcher(
  corpus: string,
  ignored: (file: string, stats?: { isFile(): boolean }) => boolean,
): Promise<CorpusWatcher> {
  const { watch } = await import('chokidar');
  return watch(corpus, { ignoreInitial: true, ignored });
}

/**
 * Watches a corpus (a folder, recursively, or one file) and calls `refresh` once its source files have been
 * quiet for `debounceMs`. Refreshes never overlap: changes that arrive during one cause exactly one more.
 * A corpus of more files than the system lets a program watch is listed every `pollMs` instead, and a
 * changed listing refreshes it; the user is told once, with how to raise the limit.
 */
export async function watchCorpus(
  corpus: string,
  refresh: () => Promise<void>,
  options: WatchOptions = {},
): Promise<void> {
  const debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
  const hidden = (file: string) =>
    path
      .relative(corpus, file)
      .split(path.sep)
      .some((part) => part.startsWith('.') || part === 'node_modules');
  const ignored = (file: string, stats?: { isFile(): boolean }) =>
    hidden(file) || (stats?.isFile() === true && !isSourceFile(file));
  const watcher = options.watch ? options.watch(corpus, ignored) : await chokidarWatcher(corpus, ignored);
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
  const pollMs = options.pollMs ?? WATCH_POLL_MS;
  let poller: NodeJS.Timeout | undefined;
  /** Lists the corpus, refreshes when the listing differs from `before` (none: the first), and lists again in `pollMs`. */
  const poll = async (before?: string) => {
    let digest = before;
    try {
      digest = (await listCorpusOffThread(corpus, options.signal)).digest;
    } catch (error) {
      if (!options.signal?.aborted) options.onError?.(error);
    }
    if (before !== undefined && digest !== before) changed();
    if (!options.signal?.aborted) poller = setTimeout(() => void poll(digest), pollMs);
  };
  let polling = false;
  const ready = new Promise<void>((resolve) => {
    watcher.once('ready', resolve);
    watcher.on('error', (error) => {
      const code = (error as { code?: string }).code;
      if (!code || !LIMIT_CODES.has(code)) {
        options.onWarning?.(`Watching the articles: ${(error as Error).message ?? String(error)}`);
        return;
      }
      if (polling) return;
      polling = true;
      void watcher.close();
      options.onWarning?.(
        `The articles are more files than this system lets a program watch, so kabar lists them every ${Math.round(pollMs / 1000)} s for changes instead; to see changes at once, raise the limit (Linux: sudo sysctl fs.inotify.max_user_watches=1048576).`,
      );
      // The first listing is the one to compare with: changes before the watcher failed were reported by it.
      void poll().finally(resolve);
    });
  });
  watcher.on('all', changed);
  await ready;
  options.onReady?.();
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  clearTimeout(poller);
  await watcher.close();
  await running;
}
