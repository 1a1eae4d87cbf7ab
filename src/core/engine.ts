import path from 'node:path';
import type { Config } from './config/config.js';
import { DEFAULT_CHUNKING, type ChunkOptions } from './corpus/chunk.js';
import { listCorpusOffThread, type CorpusListing } from './corpus/listing.js';
import { corpusStat } from './corpus/scan.js';
import { UserError, isUserError } from './errors.js';
import { openLocalStore } from './index/local/sqlite-store.js';
import type { Store, StoreReader } from './index/port.js';
import { staleArticles } from './index/stale.js';
import { refreshIndex, type RefreshOptions, type RefreshProgress, type RefreshReport } from './index/refresh.js';
import { createRetriever, type Retriever } from './retrieve/retriever.js';
import { analyseQuery, type Query } from './question/query.js';
import { coverage, questionStats, questionWords } from './question/coverage.js';
import { resolveFollowUp } from './question/followup.js';
import { fuseHitLists } from './retrieve/rewrite.js';
import { createAnalyzer, type Analyzer } from './text/analyze.js';
import type { Answer, AnswerEvent, Filters, Hit, Turn } from './types.js';
import type { Answerer } from './answer/answerer.js';
import { createExtractiveAnswerer } from './answer/extractive.js';
import { embedderKey, type Embedder } from './embedder.js';
import { KABAR_VERSION } from './version.js';

/** What an answerer factory may use; the engine builds the offline answerer when none is given. */
export interface AnswererContext {
  store: StoreReader;
  analyzer: Analyzer;
  embedder: Embedder;
}

export interface EngineOptions {
  config: Config;
  embedder: Embedder;
  /** The analyzer, when the caller made one already (the hashing embedder shares it). */
  analyzer?: Analyzer;
  /** The corpus listing, when the caller started it already (`listCorpusOffThread`), so it runs while the embedder loads. */
  listing?: Promise<CorpusListing>;
  createAnswerer?: (context: AnswererContext) => Answerer;
  chunking?: ChunkOptions;
  /** Rebuild the whole index. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: RefreshProgress) => void;
  onWarning?: (message: string) => void;
  /** Opens the store for an index folder (`key` names the embedder's index); the local SQLite store by default. */
  openStore?: (dir: string, options: { key: string; dimensions: number; onWarning: (message: string) => void; fresh?: boolean; warm?: boolean }) => Promise<Store>;
  /**
   * Whether to bring the index up to date with the corpus folder first (default). A shared server
   * index is refreshed by `kabar index` only; other commands answer from what it holds.
   */
  refresh?: boolean;
  /**
   * Whether bringing the index up to date is the point (`kabar index`): then a busy index or a full
   * disk is an error. Otherwise the engine answers from the committed index with a warning.
   */
  writer?: boolean;
  /** Whether the command will search: then the vector graph starts loading at once (default: unless `writer`). */
  warm?: boolean;
}

export interface AskOptions {
  k?: number;
  filters?: Filters;
  /** Earlier turns of a conversation, for follow-up questions. */
  history?: Turn[];
  signal?: AbortSignal;
}

export interface Engine {
  readonly store: StoreReader;
  readonly embedder: Embedder;
  readonly answerer: Answerer;
  readonly analyzer: Analyzer;
  readonly refresh: RefreshReport;
  /** Where this embedder's index lives. */
  readonly indexDir: string;
  readonly corpusDir: string;
  /** Re-reads the given articles even if their size and modification time did not change. */
  refreshArticles(articleIds: string[]): Promise<void>;
  close(): Promise<void>;
  search(text: string, options?: { k?: number; filters?: Filters }): Promise<{ query: Query; hits: Hit[]; ms: number }>;
  /** The answer stream: resolved → retrieved → token… → done, or error. */
  ask(question: string, options?: AskOptions): AsyncGenerator<AnswerEvent>;
}

export const DEFAULT_K = 10;

/** Opens (and refreshes) the index for the configured corpus and embedder, ready to search and answer. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const { config, embedder } = options;
  corpusStat(config.corpusDir); // a mistyped corpus is said before any index is opened or created
  // The corpus folder is listed on a worker thread while the analyzer is made and the index opens.
  const listing = options.refresh === false ? undefined : (options.listing ?? listCorpusOffThread(config.corpusDir));
  const analyzer = options.analyzer ?? createAnalyzer();
  const indexDir = path.join(config.indexDir, embedderKey(embedder.info));
  const warn = options.onWarning ?? (() => {});
  const openStore = options.openStore ?? openLocalStore;
  const dimensions = embedder.info.dimensions;
  const key = embedderKey(embedder.info);
  // A command that searches starts loading the vector graph while the corpus is checked.
  let store = await openStore(indexDir, { key, dimensions, onWarning: warn, warm: options.warm ?? !options.writer });
  const refreshOptions: RefreshOptions = {
    store,
    corpusDir: config.corpusDir,
    fields: config.fields,
    embedder,
    analyzer,
    chunking: options.chunking ?? DEFAULT_CHUNKING,
    kabarVersion: KABAR_VERSION,
    signal: options.signal,
    onProgress: options.onProgress,
    onWarning: options.onWarning,
    warnEverySkip: options.writer,
  };
  const committed = async (): Promise<RefreshReport> => {
    const counts = await store.counts();
    return { added: 0, changed: 0, removed: 0, unchanged: counts.articles, skipped: await store.skipped(), articles: counts.articles, passages: counts.passages, ms: 0 };
  };
  const refresh = async (extra: Partial<RefreshOptions>): Promise<RefreshReport> => {
    if (options.refresh === false) return committed();
    try {
      return await refreshIndex({ ...refreshOptions, ...extra });
    } catch (error) {
      // Readers never wait for a writer: they answer from what is committed.
      const unavailable = isUserError(error) && (error.code === 'INDEX_LOCKED' || error.code === 'DISK_FULL');
      if (!unavailable || options.writer || !(await store.manifest())) throw error;
      warn(error.code === 'INDEX_LOCKED' ? `The index is being refreshed by another process; answering from the index as it was. (${error.message})` : `${error.message} Answering from the index as it was.`);
      return committed();
    }
  };
  let report: RefreshReport;
  try {
    report = await refresh({ force: options.force, listing });
  } catch (error) {
    await store.close();
    // A rebuild always works: a store too damaged to clear is started afresh.
    if (!(options.force && isUserError(error) && error.code === 'INDEX_CORRUPT')) throw error;
    warn(`${error.message} Starting it afresh.`);
    store = await openStore(indexDir, { key, dimensions, onWarning: warn, fresh: true });
    refreshOptions.store = store;
    report = await refresh({ force: true, listing });
  }
  const retriever: Retriever = createRetriever(store, embedder, analyzer);
  const answerer = options.createAnswerer?.({ store, analyzer, embedder }) ?? createExtractiveAnswerer(store, analyzer);

  const refreshArticles = async (articleIds: string[]) => {
    await refresh({ recheck: new Set(articleIds) });
  };

  const search = async (text: string, { k = DEFAULT_K, filters = {} }: { k?: number; filters?: Filters } = {}) => {
    const started = performance.now();
    const query = analyseQuery(text, analyzer, filters);
    let hits = await retriever.retrieve(query, k);
    // An article edited without changing its size or time is re-read before any of it is shown.
    const stale = staleArticles(config.corpusDir, hits.map((h) => h.passage));
    if (stale.length) {
      await refreshArticles(stale);
      hits = await retriever.retrieve(query, k);
    }
    return { query, hits, ms: performance.now() - started };
  };

  /** Of several searches, the one whose top passage holds the most evidence for `question`; the first on a tie. */
  const betterCovered = async <T extends { hits: Hit[] }>(question: string, results: T[]): Promise<T> => {
    const query = analyseQuery(question, analyzer);
    const words = questionWords(query, analyzer, await questionStats(query, analyzer, store));
    const evidence = (r: T) => (r.hits[0] ? coverage(words, r.hits[0].passage.text, r.hits[0].article.lang, analyzer).evidence : 0);
    return results.reduce((best, r) => (evidence(r) > evidence(best) ? r : best));
  };

  async function* ask(question: string, { k = DEFAULT_K, filters = {}, history = [], signal }: AskOptions = {}): AsyncGenerator<AnswerEvent> {
    const started = performance.now();
    try {
      if (question.trim() === '') throw new UserError('BAD_FLAG', 'The question is empty.', { hint: 'Type a question, e.g. kabar ask "Who met Shoygu?".' });
      // With a language model, it condenses the conversation and translates the question; offline, follow-ups are resolved by rule.
      const rewritten = answerer.rewriter ? await answerer.rewriter.rewrite(question, history, signal) : undefined;
      const followUp = rewritten ? null : resolveFollowUp(question, history);
      // An offline follow-up is searched both as resolved and as asked; the result whose best passage holds more of the resolved question wins.
      const searched = followUp
        ? await betterCovered(followUp, await Promise.all([search(followUp, { k, filters }), search(question, { k, filters })]))
        : await search(rewritten?.standalone ?? question, { k, filters });
      const { query } = searched;
      let { hits, ms } = searched;
      yield { type: 'resolved', question: query.text, filters };
      const variants = [...new Set(rewritten?.variants ?? [])].filter((v) => v !== query.text);
      if (variants.length) {
        const more = await Promise.all(variants.map((v) => search(v, { k, filters })));
        hits = fuseHitLists([hits, ...more.map((m) => m.hits)], k);
        ms += more.reduce((sum, m) => sum + m.ms, 0);
      }
      yield { type: 'retrieved', hits };
      for await (const event of answerer.answer({ question, query, hits, history, signal })) {
        if (event.type === 'done') {
          const answer: Answer = {
            ...event.answer,
            timingsMs: { retrieve: Math.round(ms), answer: Math.round(event.answer.timingsMs.answer), total: Math.round(performance.now() - started) },
          };
          yield { type: 'done', answer };
        } else yield event;
      }
    } catch (error) {
      yield { type: 'error', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  return { store, embedder, answerer, analyzer, refresh: report, indexDir, corpusDir: config.corpusDir, search, ask, refreshArticles, close: () => store.close() };
}
