import path from 'node:path';
import type { Config } from './config/config.js';
import { listCorpusOffThread, type CorpusListing } from './corpus/listing.js';
import { listChangedFolders } from './index/folder-check.js';
import { corpusStat } from './corpus/scan.js';
import { UserError, isUserError } from './errors.js';
import { openLocalStore } from './index/local/sqlite-store.js';
import type { Store, StoreReader } from './index/port.js';
import { staleArticles } from './index/stale.js';
import { refreshIndex, type RefreshOptions, type RefreshProgress, type RefreshReport } from './index/refresh.js';
import { HybridRetriever } from './retrieve/retriever.js';
import { analyseQuery, type Query } from './question/query.js';
import { coverage, questionStats, questionWords } from './question/coverage.js';
import { resolveFollowUp } from './question/followup.js';
import { fuseHitLists } from './retrieve/rewrite.js';
import { createAnalyzer, type Analyzer } from './text/analyze.js';
import type { Answer, AnswerEvent, Filters, Hit, Turn } from './types.js';
import type { Answerer } from './answer/answerer.js';
import { createExtractiveAnswerer } from './answer/extractive.js';
import { settleAbstention } from './answer/abstention.js';
import { embedderKey, type Embedder } from './embedder.js';
import { KABAR_VERSION } from './version.js';
import { questionShape, shapeTopic } from './question/shape.js';
import { answerAcross } from './across/answer.js';
import { writeAcross } from './across/prose.js';
import { detectLanguage } from './text/language.js';
import { shippedWeights } from './answer/reader/weights.js';
import {
  DEFAULT_ACROSS,
  DEFAULT_K,
  DEFAULT_VERIFY,
  DEFAULT_CHUNKING,
  SIZE_LIMITS,
  type ChunkOptions,
} from './settings.js';

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
  /** Stops that listing: a large corpus is checked through its folders instead (KABAR_REFRESH=auto). */
  stopListing?: () => void;
  /** From how many files on the corpus's folders are checked instead of its files (default `FOLDER_CHECK_FROM_FILES`). */
  folderCheckFrom?: number;
  createAnswerer?: (context: AnswererContext) => Answerer;
  chunking?: ChunkOptions;
  /** Rebuild the whole index. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: RefreshProgress) => void;
  onWarning?: (message: string) => void;
  /** Opens the store for an index folder (`key` names the embedder's index); the local SQLite store by default. */
  openStore?: (
    dir: string,
    options: {
      key: string;
      dimensions: number;
      onWarning: (message: string) => void;
      fresh?: boolean;
      warm?: boolean;
      breakLock?: boolean;
    },
  ) => Promise<Store>;
  /** Remove the index's write lock first, whoever holds it (`kabar index --break-lock`). */
  breakLock?: boolean;
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
  /** An answer less sure than this (its confidence, in [0, 1]) becomes an abstention naming the closest passage. */
  minConfidence?: number;
  /** The most lines of a brief (default `DEFAULT_ACROSS.briefLines`). */
  lines?: number;
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
  search(
    text: string,
    options?: { k?: number; filters?: Filters; allPassages?: boolean },
  ): Promise<{ query: Query; hits: Hit[]; ms: number }>;
  /** The answer stream: resolved → retrieved → token… → done, or error. */
  ask(question: string, options?: AskOptions): AsyncGenerator<AnswerEvent>;
}

/** What the refresher needs besides the refresh itself: whether it may refresh, and who is told when it cannot. */
interface RefresherOptions {
  /** False for a reader of a shared server index: it answers from what is committed. */
  enabled: boolean;
  /** Whether bringing the index up to date is the point (`kabar index`): then a busy index or a full disk is an error. */
  writer: boolean;
  warn: (message: string) => void;
}

/**
 * Brings the store up to date with the corpus folder; a reader that finds the index busy or the disk
 * full answers from what is committed, with a warning, instead of waiting or failing.
 */
class IndexRefresher {
  constructor(
    readonly refreshOptions: RefreshOptions,
    private readonly options: RefresherOptions,
  ) {}

  get store(): Store {
    return this.refreshOptions.store;
  }

  /** Refreshes with `extra` options (a forced rebuild, the listing, articles to re-read), or reports the committed index. */
  async refresh(extra: Partial<RefreshOptions>): Promise<RefreshReport> {
    if (!this.options.enabled) return this.committed();
    try {
      const report = await refreshIndex({ ...this.refreshOptions, ...extra });
      await this.store.settle?.();
      return report;
    } catch (error) {
      // Readers never wait for a writer: they answer from what is committed.
      const unavailable = isUserError(error) && ['INDEX_LOCKED', 'DISK_FULL', 'INDEX_READONLY'].includes(error.code);
      if (!unavailable || this.options.writer || !(await this.store.manifest())) throw error;
      // A read-only index was said to be so when it opened.
      if (error.code === 'INDEX_READONLY') return this.committed();
      this.options.warn(
        error.code === 'INDEX_LOCKED'
          ? `The index is being refreshed by another process; answering from the index as it was. (${error.message})`
          : `${error.message} Answering from the index as it was.`,
      );
      return this.committed();
    }
  }

  /** The index as committed, reported as a refresh that changed nothing. */
  async committed(): Promise<RefreshReport> {
    const counts = await this.store.counts();
    return {
      added: 0,
      changed: 0,
      removed: 0,
      unchanged: counts.articles,
      skipped: await this.store.skipped(),
      articles: counts.articles,
      passages: counts.passages,
      ms: 0,
    };
  }
}

/** Opens (and refreshes) the index for the configured corpus and embedder, ready to search and answer. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const { config, embedder } = options;
  corpusStat(config.corpusDir); // a mistyped corpus is said before any index is opened or created
  const reader = !options.writer;
  // KABAR_REFRESH=never: a command that only reads answers from the index as it is (`kabar index` still checks).
  const checks = options.refresh !== false && !(reader && config.refresh === 'never');
  // The corpus folder is listed on a worker thread while the analyzer is made and the index opens.
  let { listing, stopListing } = options;
  if (!checks) stopListing?.();
  else if (!listing) {
    const stop = new AbortController();
    listing = listCorpusOffThread(config.corpusDir, stop.signal);
    stopListing = () => stop.abort();
  }
  const analyzer = options.analyzer ?? createAnalyzer();
  const indexDir = path.join(config.indexDir, embedderKey(embedder.info));
  const warn = options.onWarning ?? (() => {});
  const openStore = options.openStore ?? openLocalStore;
  const dimensions = embedder.info.dimensions;
  const key = embedderKey(embedder.info);
  // A command that searches starts loading the vector graph while the corpus is checked.
  const opening = { key, dimensions, onWarning: warn, breakLock: options.breakLock };
  const store = await openStore(indexDir, { ...opening, warm: options.warm ?? !options.writer }).catch((error) => {
    // A rebuild always works: a store too damaged to open is started afresh.
    if (!(options.force && isUserError(error) && error.code === 'INDEX_CORRUPT')) throw error;
    warn(`${error.message} Starting it afresh.`);
    return openStore(indexDir, { ...opening, fresh: true });
  });
  const refresher = new IndexRefresher(
    {
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
      folderCheckFrom: options.folderCheckFrom,
    },
    { enabled: options.refresh !== false, writer: options.writer === true, warn },
  );
  // A large corpus whose folders' times were recorded at the last write is checked through its folders.
  if (checks && reader && config.refresh === 'auto' && !options.force) {
    const manifest = await store.manifest().catch(() => null);
    if (manifest?.folders && manifest.corpusDir === config.corpusDir) {
      stopListing?.();
      listing = Promise.resolve(listChangedFolders(config.corpusDir, manifest.folders));
    }
  }
  let report: RefreshReport;
  try {
    report = checks ? await refresher.refresh({ force: options.force, listing }) : await refresher.committed();
  } catch (error) {
    await store.close();
    // A rebuild always works: a store too damaged to clear is started afresh.
    if (!(options.force && isUserError(error) && error.code === 'INDEX_CORRUPT')) throw error;
    warn(`${error.message} Starting it afresh.`);
    refresher.refreshOptions.store = await openStore(indexDir, { ...opening, fresh: true });
    report = await refresher.refresh({ force: true, listing });
  }
  const opened = refresher.store;
  const answerer =
    options.createAnswerer?.({ store: opened, analyzer, embedder }) ?? createExtractiveAnswerer(opened, analyzer);
  return new KabarEngine(
    { embedder, answerer, analyzer, refresh: report, indexDir, corpusDir: config.corpusDir },
    refresher,
    new HybridRetriever(opened, embedder, analyzer),
  );
}

/** The engine's parts that are fixed once it is open. */
type EngineParts = Pick<Engine, 'embedder' | 'answerer' | 'analyzer' | 'refresh' | 'indexDir' | 'corpusDir'>;

/** An open index with its retriever and answerer: `search` finds passages, `ask` streams an answer. */
class KabarEngine implements Engine {
  readonly store: Store;
  readonly embedder: Embedder;
  readonly answerer: Answerer;
  readonly analyzer: Analyzer;
  readonly refresh: RefreshReport;
  readonly indexDir: string;
  readonly corpusDir: string;

  constructor(
    parts: EngineParts,
    private readonly refresher: IndexRefresher,
    private readonly retriever: HybridRetriever,
  ) {
    this.store = refresher.store;
    ({
      embedder: this.embedder,
      answerer: this.answerer,
      analyzer: this.analyzer,
      refresh: this.refresh,
      indexDir: this.indexDir,
      corpusDir: this.corpusDir,
    } = parts);
  }

  async refreshArticles(articleIds: string[]): Promise<void> {
    await this.refresher.refresh({ recheck: new Set(articleIds) });
  }

  close(): Promise<void> {
    return this.store.close();
  }

  async search(
    text: string,
    { k = DEFAULT_K, filters = {}, allPassages = false }: { k?: number; filters?: Filters; allPassages?: boolean } = {},
  ): Promise<{ query: Query; hits: Hit[]; ms: number }> {
    const started = performance.now();
    const query = analyseQuery(text, this.analyzer, filters);
    let hits = await this.retriever.retrieve(query, k, { allPassages });
    // An article edited without changing its size or time is re-read before any of it is shown.
    const stale = staleArticles(
      this.corpusDir,
      hits.map((h) => h.passage),
    );
    if (stale.length) {
      await this.refreshArticles(stale);
      hits = await this.retriever.retrieve(query, k, { allPassages });
    }
    return { query, hits, ms: performance.now() - started };
  }

  /** Of several searches, the one whose top passage holds the most evidence for `question`; the first on a tie. */
  private async betterCovered<T extends { hits: Hit[] }>(question: string, results: T[]): Promise<T> {
    const { analyzer } = this;
    const query = analyseQuery(question, analyzer);
    const words = questionWords(query, analyzer, await questionStats(query, analyzer, this.store));
    const evidence = (r: T) =>
      r.hits[0] ? coverage(words, r.hits[0].passage.text, r.hits[0].article.lang, analyzer).evidence : 0;
    return results.reduce((best, r) => (evidence(r) > evidence(best) ? r : best));
  }

  async *ask(
    question: string,
    { k = DEFAULT_K, filters = {}, history = [], signal, minConfidence = 0, lines }: AskOptions = {},
  ): AsyncGenerator<AnswerEvent> {
    const started = performance.now();
    const { answerer } = this;
    try {
      if (question.trim() === '')
        throw new UserError('BAD_FLAG', 'The question is empty.', {
          hint: 'Type a question, e.g. kabar ask "Who met Shoygu?".',
        });
      if (question.length > SIZE_LIMITS.questionChars)
        throw new UserError(
          'BAD_FLAG',
          `The question is ${question.length.toLocaleString('en')} characters long; kabar takes questions of up to ${SIZE_LIMITS.questionChars.toLocaleString('en')}.`,
          { hint: 'Ask it in fewer words.' },
        );
      // A list, timeline or brief is gathered across articles from the sentences of many passages.
      const shape = questionShape(question);
      if (shape !== 'answer') {
        // A follow-up ("Siapa saja pesertanya?") is resolved by rule against the conversation first.
        const topic = shapeTopic(resolveFollowUp(question, history) ?? question);
        yield* this.askAcross(question, topic, shape, { k, filters, lines, started, signal });
        return;
      }
      // With a language model, it condenses the conversation and translates the question; offline, follow-ups are resolved by rule.
      const rewritten = answerer.rewriter ? await answerer.rewriter.rewrite(question, history, signal) : undefined;
      const followUp = rewritten ? null : resolveFollowUp(question, history);
      // An offline follow-up is searched both as resolved and as asked; the result whose best passage holds more of the resolved question wins.
      const searched = followUp
        ? await this.betterCovered(
            followUp,
            await Promise.all([this.search(followUp, { k, filters }), this.search(question, { k, filters })]),
          )
        : await this.search(rewritten?.standalone ?? question, { k, filters });
      const { query } = searched;
      let { hits, ms } = searched;
      yield { type: 'resolved', question: query.text, filters };
      const variants = [...new Set(rewritten?.variants ?? [])].filter((v) => v !== query.text);
      if (variants.length) {
        const more = await Promise.all(variants.map((v) => this.search(v, { k, filters })));
        hits = fuseHitLists([hits, ...more.map((m) => m.hits)], k);
        ms += more.reduce((sum, m) => sum + m.ms, 0);
      }
      yield { type: 'retrieved', hits };
      for await (const event of answerer.answer({ question, query, hits, history, signal })) {
        if (event.type === 'done') {
          const settled = settleAbstention(event.answer, query.lang, minConfidence);
          const answer: Answer = {
            ...settled,
            timingsMs: {
              retrieve: Math.round(ms),
              answer: Math.round(event.answer.timingsMs.answer),
              total: Math.round(performance.now() - started),
            },
          };
          yield { type: 'done', answer };
        } else yield event;
      }
    } catch (error) {
      yield { type: 'error', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  /** A list, timeline or brief: the topic (the question without its shape words) searched deeper (every passage of an article), then gathered across articles. */
  private async *askAcross(
    question: string,
    topic: string,
    shape: 'list' | 'timeline' | 'brief',
    {
      k,
      filters,
      lines,
      started,
      signal,
    }: { k: number; filters: Filters; lines?: number; started: number; signal?: AbortSignal },
  ): AsyncGenerator<AnswerEvent> {
    const { query, hits, ms } = await this.search(topic, {
      k: Math.max(k, DEFAULT_ACROSS.k),
      filters,
      allPassages: true,
    });
    yield { type: 'resolved', question: query.text, filters };
    yield { type: 'retrieved', hits };
    const chosen = await answerAcross(
      { shape, question, query, hits, filters, lines: lines ?? DEFAULT_ACROSS.briefLines },
      { store: this.store, analyzer: this.analyzer, options: DEFAULT_ACROSS, weights: shippedWeights() },
    );
    // With a language model, it writes the lines from the same sentences, held to their citations.
    const { model } = this.answerer;
    const answer = model
      ? await writeAcross(chosen, model, detectLanguage(question), this.analyzer, DEFAULT_VERIFY, signal)
      : chosen;
    yield { type: 'token', text: answer.answer };
    yield {
      type: 'done',
      answer: {
        ...settleAbstention(answer, query.lang),
        timingsMs: {
          retrieve: Math.round(ms),
          answer: Math.round(answer.timingsMs.answer),
          total: Math.round(performance.now() - started),
        },
      },
    };
  }
}
