import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config, type ConfigFlags } from '../core/config.js';
import { configLayers, mergeLayers } from '../core/config-layers.js';
import type { AnswererContext, Engine } from '../core/engine.js';
import type { Answerer } from '../core/answer/answerer.js';
import type { ChatConfig, ChatDeps } from '../providers/chat/registry.js';
import { UserError } from '../core/errors.js';
import type { VerbosityFlags } from './flags.js';

/** Options every command accepts. */
export interface GlobalOptions extends ConfigFlags, VerbosityFlags {
  rebuild?: boolean;
}

/** The settings in force and where each variable came from (the environment, a `.env` file, the user config). */
export function settingsFrom(options: GlobalOptions): { config: Config; origin: Map<string, string> } {
  const { env, origin } = mergeLayers(configLayers(process.env));
  return { config: loadConfig(env, { corpus: options.corpus, field: options.field, index: options.index, embeddings: options.embeddings, store: options.store }), origin };
}

export const configFrom = (options: GlobalOptions): Config => settingsFrom(options).config;

/** `--index` must name a folder, or a place where one can be made: not a file, nor a path through a file. */
export function checkIndexDir(dir: string): void {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const stat = fs.statSync(at, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return;
    if (stat) {
      throw new UserError('BAD_FLAG', `The index folder ${dir} cannot be used: ${at} is a file.`, {
        hint: 'Pass --index DIR (or set KABAR_INDEX) with a folder kabar may create or use for its index.',
      });
    }
    if (path.dirname(at) === at) return;
  }
}

/** The answerer a question gets without a language model, and the fallback of one; another offline answerer is one line here. */
async function offlineAnswerer(): Promise<(context: AnswererContext) => Answerer> {
  const { createExtractiveAnswerer } = await import('../core/answer/extractive.js');
  return ({ store, analyzer }) => createExtractiveAnswerer(store, analyzer);
}

/**
 * The answerer for the configuration: the offline one for KABAR_LLM=none, otherwise a generative
 * answerer over the configured chat model with the offline one as its fallback.
 */
export async function answererFactoryFor(config: ChatConfig, deps: ChatDeps & { promptsDir?: string } = {}): Promise<(context: AnswererContext) => Answerer> {
  const [offline, { createChatModel }] = await Promise.all([offlineAnswerer(), import('../providers/chat/registry.js')]);
  const model = await createChatModel(config, deps);
  if (!model) return offline;
  const [{ createLlmAnswerer }, { loadPrompts }] = await Promise.all([import('../core/answer/llm.js'), import('../core/answer/prompts.js')]);
  const prompts = await loadPrompts(deps.promptsDir);
  return (context) => createLlmAnswerer({ model, prompts, analyzer: context.analyzer, embedder: context.embedder, fallback: offline(context) });
}

/** Where opening the engine reports to; by default progress bars and warnings on stderr. */
export interface OpenHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  onWarning?: (message: string) => void;
  /** The command's point is to update the index (`kabar index`): a busy index or a full disk is then an error. */
  writer?: boolean;
  /** Whether the command will search (default: unless `writer`); `show` only reads passages. */
  warm?: boolean;
}

/**
 * Opens the engine for a command: progress and warnings go to stderr (or the hooks), never stdout.
 * The engine, the providers and the progress bar are loaded here, on first use, so commands that do
 * not open the engine (and `--help`) start without them.
 */
export async function engineFrom(options: GlobalOptions, hooks: OpenHooks = {}): Promise<Engine> {
  const [{ openEngine }, { createEmbedder }, { reporterFor, duration }, { listCorpusOffThread }, { createAnalyzer }] = await Promise.all([
    import('../core/engine.js'),
    import('../providers/embeddings/registry.js'),
    import('./reporter.js'),
    import('../core/corpus/listing.js'),
    import('../core/text/analyze.js'),
  ]);
  const { signal } = hooks;
  const started = performance.now();
  const config = configFrom(options);
  checkIndexDir(config.indexDir);
  const server = config.store.kind === 'postgres' ? config.store : undefined;
  const refresh = server ? hooks.writer === true : undefined;
  // The corpus folder is listed on a worker thread from here on, while the embedder, the answerer and the index load.
  const listing = refresh === false ? undefined : listCorpusOffThread(config.corpusDir);
  const analyzer = createAnalyzer();
  const report = reporterFor(options);
  const warn = hooks.onWarning ?? report.warn;
  const download = report.progress('Loading model', 'files');
  const embedder = await createEmbedder(
    { ...config.embeddings, openai: config.openai, ollama: config.ollama },
    { signal, analyzer, onProgress: (p) => (p.loaded !== undefined && p.total ? download.update(p.loaded, p.total) : undefined) },
  );
  download.stop();
  const createAnswerer = await answererFactoryFor(config);
  // A server index is shared: only `kabar index` writes to it (from the primary); other commands read, from the replica when there is one.
  const openStore = server && (await import('../core/index/postgres/open.js')).postgresOpener(server, hooks.writer === true);
  const bar = report.progress('Indexing', 'articles');
  try {
    const engine = await openEngine({
      config,
      embedder,
      createAnswerer,
      openStore,
      refresh,
      analyzer,
      listing,
      force: options.rebuild,
      writer: hooks.writer,
      warm: hooks.warm,
      signal,
      onProgress: ({ done, total }) => (hooks.onProgress ?? bar.update)(done, total),
      onWarning: warn,
    });
    const r = engine.refresh;
    const { provider, model, dimensions } = engine.embedder.info;
    report.detail(
      `opened ${engine.indexDir} in ${duration(performance.now() - started)}: ${r.articles} articles, ${r.passages} passages; ` +
        `refresh ${r.added} added, ${r.changed} changed, ${r.removed} removed; embedder ${provider} ${model} (${dimensions} dimensions); answerer ${engine.answerer.name}`,
    );
    return engine;
  } finally {
    bar.stop();
  }
}
