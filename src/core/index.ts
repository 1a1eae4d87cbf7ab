/**
 * kabar's core, as its front ends use it: the command line, the chat, and any library or server built
 * on it. Outer rooms import core from here only (scripts/check-imports.ts enforces it), so what core
 * offers is this one file, and everything behind it may move.
 *
 * The parts that load native modules or large tables (SQLite, HNSW, the analyzer, the answerers, the
 * PostgreSQL client) are reached through the async functions at the end: each imports its module on
 * first call, so `kabar --help` and commands that need no index start without them.
 */
import type { Config, ConfigFlags } from './config/config.js';
import type { OpenFromConfigOptions } from './open.js';
import type { Engine, EngineOptions } from './engine.js';
import type { FindOptions, QuoteMatch } from './cite/find.js';
import type { IndexSummary } from './index/port.js';
import type { Check, HealthDeps } from './health.js';
import type { Setting } from './config/describe.js';

// The data a front end shows.
export type {
  Answer,
  AnswerItem,
  AnswerKind,
  AnswerEvent,
  Article,
  ArticleMeta,
  ArticleOrigin,
  ArticleSpan,
  Citation,
  Filters,
  Hit,
  Lang,
  Passage,
  Provenance,
  ShortAnswer,
  Skipped,
  Span,
  Turn,
} from './types.js';
export type { AnswererContext, AskOptions, Engine, EngineOptions } from './engine.js';
export type { OpenFromConfigOptions } from './open.js';
export type { Answerer, AnswerInput } from './answer/answerer.js';
export type { ChatMessage, ChatModel, ChatModelInfo } from './answer/chat-model.js';
export type { Embedder, EmbedderInfo, Embeddings } from './embedder.js';
export type { Query } from './question/query.js';
export type { MatchKind, QuoteMatch, FindOptions } from './cite/find.js';
export type { IndexSummary, Store, StoreReader } from './index/port.js';
export type { Manifest } from './index/manifest.js';
export type { Check, HealthDeps } from './health.js';
export type { Setting } from './config/describe.js';

// Errors: a UserError says what to do; its code decides the exit status.
export { CANCELLED_EXIT, UserError, describeError, isUserError, type ErrorCode } from './errors.js';

// Configuration, and the tunables (each defined once in core/settings.ts).
export {
  BM25,
  CITE_THRESHOLDS,
  DEFAULT_CHUNKING,
  DEFAULT_EXTRACTIVE,
  DEFAULT_K,
  DEFAULT_RETRIEVER,
  HNSW_PARAMS,
} from './settings.js';
export { loadConfig, withoutPassword, type Config, type ConfigFlags, type StoreConfig } from './config/config.js';
export { configLayers, mergeLayers } from './config/layers.js';
export { configuredSecrets, redactSecrets } from './redact.js';
export { KABAR_VERSION } from './version.js';

// Questions, answers and passages.
export { collectAnswer } from './answer/collect.js';
export {
  describeFilters,
  FILTER_KEYS,
  hasFilters,
  matchesFilters,
  parseFilters,
  validateFilters,
  type FilterInput,
} from './index/filter.js';
export { termMatches } from './retrieve/term-match.js';
export {
  matchContext,
  passageContext,
  type MatchContext,
  type PassageContext,
  type PassageSource,
} from './index/context.js';
export { formatLocation, sourceLocation, spanSource } from './sources/location.js';
export { describeProvenance } from './sources/provenance.js';
export { skipWarnings } from './corpus/skip-warnings.js';
export { watchCorpus } from './index/watch.js';
export { removeOrphanTemps, tempFileFor } from './temp-files.js';

// Loaded on first use.

/** Opens the engine the configuration describes (core/open.ts): embedder and store chosen by name, index brought up to date. */
export async function openEngineFromConfig(config: Config, options?: OpenFromConfigOptions): Promise<Engine> {
  return (await import('./open.js')).openEngineFromConfig(config, options);
}

/** Opens the engine over an embedder the caller made (core/engine.ts). */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  return (await import('./engine.js')).openEngine(options);
}

/** Where a quote stands in the corpus: exact, fuzzy or by meaning (core/cite/find.ts). */
export async function findQuote(engine: Engine, quote: string, options?: FindOptions): Promise<QuoteMatch[]> {
  return (await import('./cite/find.js')).findQuote(engine, quote, options);
}

/** The chat's follow-up rule (core/question/followup.ts), for a front end that receives a whole conversation. */
export async function loadFollowUp(): Promise<typeof import('./question/followup.js')> {
  return import('./question/followup.js');
}

/** The answerers core offers, to be chosen by name by a front end (commands/context.ts). */
export async function loadAnswerers(): Promise<typeof import('./answer/answerers.js')> {
  return import('./answer/answerers.js');
}

/** Scoring on a question set or a quote set (`kabar eval`; core/evaluation.ts). */
export async function loadEvaluation(): Promise<typeof import('./evaluation.js')> {
  return import('./evaluation.js');
}

/** Each local index in the index folder, with its counts and what built it. */
export async function inspectIndexes(indexDir: string): Promise<IndexSummary[]> {
  return (await import('./index/local/inspect.js')).inspectIndexes(indexDir);
}

/** Each index kabar keeps on a PostgreSQL server. */
export async function inspectPostgresIndexes(url: string): Promise<IndexSummary[]> {
  return (await import('./index/postgres/inspect.js')).inspectPostgresIndexes(url);
}

/** The checks of `kabar config`: whether the corpus, the index folder and the models can be used. */
export async function checkHealth(config: Config, deps: HealthDeps): Promise<Check[]> {
  return (await import('./health.js')).checkHealth(config, deps);
}

/** Every setting kabar reads, its value in force and where that came from. */
export async function describeSettings(
  config: Config,
  flags: ConfigFlags,
  origin: ReadonlyMap<string, string>,
): Promise<Setting[]> {
  return (await import('./config/describe.js')).describeSettings(config, flags, origin);
}
