import fs from 'node:fs';
import path from 'node:path';
import {
  configLayers,
  loadAnswerers,
  loadConfig,
  mergeLayers,
  openEngineFromConfig,
  UserError,
  type Answerer,
  type AnswererContext,
  type Config,
  type ConfigFlags,
  type Engine,
} from '../core/index.js';
import type { ChatConfig, ChatDeps } from '../providers/chat/registry.js';
import type { VerbosityFlags } from './flags.js';

/** Options every command accepts. */
export interface GlobalOptions extends ConfigFlags, VerbosityFlags {
  rebuild?: boolean;
  breakLock?: boolean;
}

/** The settings in force and where each variable came from (the environment, a `.env` file, the user config). */
export function settingsFrom(options: GlobalOptions): { config: Config; origin: Map<string, string> } {
  const { env, origin } = mergeLayers(configLayers(process.env));
  return {
    config: loadConfig(env, {
      corpus: options.corpus,
      field: options.field,
      index: options.index,
      embeddings: options.embeddings,
      store: options.store,
    }),
    origin,
  };
}

export const configFrom = (options: GlobalOptions): Config => settingsFrom(options).config;

/**
 * `--index` must name a folder, or a place where one can be made: not a file, nor a path through a file,
 * nor a new folder inside one this process may not write. (An existing folder that cannot be written is
 * read from as it is.)
 */
export function checkIndexDir(dir: string): void {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const stat = fs.statSync(at, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (at === path.resolve(dir) || canWrite(at)) return;
      throw new UserError('INDEX_READONLY', `The index folder ${dir} cannot be created: ${at} is not writable.`, {
        hint: 'Pass --index DIR (or set KABAR_INDEX) with a folder kabar may create or use for its index.',
      });
    }
    if (stat) {
      throw new UserError('BAD_FLAG', `The index folder ${dir} cannot be used: ${at} is a file.`, {
        hint: 'Pass --index DIR (or set KABAR_INDEX) with a folder kabar may create or use for its index.',
      });
    }
    if (path.dirname(at) === at) return;
  }
}

const canWrite = (dir: string): boolean => {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** The answerer a question gets without a language model, and the fallback of one: the neural reader, or the rules-and-features one (KABAR_READER). */
async function offlineAnswerer(reader: Config['reader']): Promise<(context: AnswererContext) => Answerer> {
  const { createExtractiveAnswerer, createNeuralAnswerer } = await loadAnswerers();
  return ({ store, analyzer }) =>
    reader === 'neural' ? createNeuralAnswerer(store, analyzer) : createExtractiveAnswerer(store, analyzer);
}

/**
 * The answerer for the configuration: the offline one for KABAR_LLM=none, otherwise a generative
 * answerer over the configured chat model with the offline one as its fallback.
 */
export async function answererFactoryFor(
  config: ChatConfig & Pick<Config, 'reader'>,
  deps: ChatDeps & { promptsDir?: string } = {},
): Promise<(context: AnswererContext) => Answerer> {
  const [offline, { createChatModel }] = await Promise.all([
    offlineAnswerer(config.reader),
    import('../providers/chat/registry.js'),
  ]);
  const model = await createChatModel(config, deps);
  if (!model) return offline;
  const { createLlmAnswerer, loadPrompts } = await loadAnswerers();
  const prompts = await loadPrompts(deps.promptsDir);
  return (context) =>
    createLlmAnswerer({
      model,
      prompts,
      analyzer: context.analyzer,
      embedder: context.embedder,
      fallback: offline(context),
    });
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
  /** Check every file of the corpus whatever KABAR_REFRESH says (a long-running command that watches the corpus). */
  checkEveryFile?: boolean;
}

/**
 * Opens the engine for a command: progress and warnings go to stderr (or the hooks), never stdout.
 * The engine, the providers and the progress bar are loaded here, on first use, so commands that do
 * not open the engine (and `--help`) start without them.
 */
export async function engineFrom(options: GlobalOptions, hooks: OpenHooks = {}): Promise<Engine> {
  const { reporterFor, duration } = await import('./reporter.js');
  const started = performance.now();
  const config = { ...configFrom(options), ...(hooks.checkEveryFile ? { refresh: 'always' as const } : {}) };
  checkIndexDir(config.indexDir);
  const report = reporterFor(options);
  const download = report.progress('Loading model', 'files');
  const bar = report.progress('Indexing', 'articles');
  try {
    const engine = await openEngineFromConfig(config, {
      createAnswerer: answererFactoryFor(config),
      force: options.rebuild,
      breakLock: options.breakLock,
      writer: hooks.writer,
      warm: hooks.warm,
      signal: hooks.signal,
      onDownload: download.update,
      onProgress: (done, total) => {
        download.stop(); // the model has loaded once indexing reports
        (hooks.onProgress ?? bar.update)(done, total);
      },
      onWarning: hooks.onWarning ?? report.warn,
    });
    const r = engine.refresh;
    const { provider, model, dimensions } = engine.embedder.info;
    report.detail(
      `opened ${engine.indexDir} in ${duration(performance.now() - started)}: ${r.articles} articles, ${r.passages} passages; ` +
        `refresh ${r.added} added, ${r.changed} changed, ${r.removed} removed; embedder ${provider} ${model} (${dimensions} dimensions); answerer ${engine.answerer.name}`,
    );
    return engine;
  } finally {
    download.stop();
    bar.stop();
  }
}
