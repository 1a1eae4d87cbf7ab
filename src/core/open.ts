import fs from 'node:fs';
import type { Config } from './config/config.js';
import { listCorpusOffThread } from './corpus/listing.js';
import { openEngine, type AnswererContext, type Engine } from './engine.js';
import type { Answerer } from './answer/answerer.js';
import { createAnalyzer } from './text/analyze.js';
import { createEmbedder } from '../providers/embeddings/registry.js';

/** What a front end chooses and hears when it opens the engine from the configuration. */
export interface OpenFromConfigOptions {
  /**
   * The answerer, chosen by the front end by name (commands/context.ts `answererFactoryFor`); the offline
   * extractive answerer when absent. A promise is awaited while the corpus is listed and the model loads.
   */
  createAnswerer?: ((context: AnswererContext) => Answerer) | Promise<(context: AnswererContext) => Answerer>;
  /** Updating the index is the point (`kabar index`): a busy index or a full disk is then an error, and a server index is written. */
  writer?: boolean;
  /** Whether the caller will search (default: unless `writer`): the vector graph starts loading at once. */
  warm?: boolean;
  /** Rebuild the whole index. */
  force?: boolean;
  /** Remove the index's write lock first, whoever holds it (`kabar index --break-lock`). */
  breakLock?: boolean;
  signal?: AbortSignal;
  /** Articles indexed so far of those to index. */
  onProgress?: (done: number, total: number) => void;
  /** Bytes of the embedding model downloaded so far (transformers only). */
  onDownload?: (loaded: number, total: number) => void;
  onWarning?: (message: string) => void;
}

/**
 * Opens the engine the configuration describes: the embedder and the store chosen by name, the corpus
 * listed on a worker thread while they load, the index brought up to date (a shared server index only
 * by a writer). The commands open their engine here; so may any other front end.
 */
export async function openEngineFromConfig(config: Config, options: OpenFromConfigOptions = {}): Promise<Engine> {
  const server = config.store.kind === 'postgres' ? config.store : undefined;
  const refresh = server ? options.writer === true : undefined;
  // The corpus folder is listed on a worker thread from here on, while the embedder, the answerer and the index load.
  const stop = new AbortController();
  const asIs = refresh === false || (config.refresh === 'never' && options.writer !== true);
  const listing = asIs ? undefined : listCorpusOffThread(config.corpusDir, stop.signal);
  const analyzer = createAnalyzer();
  const { signal, onDownload } = options;
  const embedder = await createEmbedder(
    { ...config.embeddings, openai: config.openai, ollama: config.ollama },
    {
      signal,
      analyzer,
      onProgress: (p) => (p.loaded !== undefined && p.total ? onDownload?.(p.loaded, p.total) : undefined),
    },
  );
  const createAnswerer = await options.createAnswerer;
  // A server index is shared: only `kabar index` writes to it (from the primary); other commands read, from the replica when there is one.
  const openStore =
    server && (await import('./index/postgres/open.js')).postgresOpener(server, options.writer === true);
  // A new index folder is made only for a corpus that has articles: a missing or empty corpus fails here,
  // before the store opens, and leaves no folder behind (removing one afterwards could delete the index
  // another process is building in it at the same moment).
  if (!server && listing && !fs.existsSync(config.indexDir)) await listing;
  return openEngine({
    config,
    embedder,
    createAnswerer,
    openStore,
    refresh,
    analyzer,
    listing,
    stopListing: () => stop.abort(),
    force: options.force,
    breakLock: options.breakLock,
    writer: options.writer,
    warm: options.warm,
    signal,
    onProgress: options.onProgress && (({ done, total }) => options.onProgress?.(done, total)),
    onWarning: options.onWarning,
  });
}
