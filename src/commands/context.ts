import { loadConfig, type Config, type ConfigFlags } from '../core/config.js';
import { openEngine, type Engine } from '../core/engine.js';
import { createEmbedder } from '../providers/embeddings/registry.js';
import { answererFactoryFor } from '../providers/chat/registry.js';
import { formatWarning } from '../present/terminal.js';
import { progressBar } from './progress.js';
import { createStyle } from './style.js';

/** Options every command accepts. */
export interface GlobalOptions extends ConfigFlags {
  rebuild?: boolean;
}

export function configFrom(options: GlobalOptions): Config {
  return loadConfig(process.env, { corpus: options.corpus, index: options.index, embeddings: options.embeddings });
}

/** Where opening the engine reports to; by default progress bars and warnings on stderr. */
export interface OpenHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  onWarning?: (message: string) => void;
}

/** Opens the engine for a command: progress and warnings go to stderr (or the hooks), never stdout. */
export async function engineFrom(options: GlobalOptions, hooks: OpenHooks = {}): Promise<Engine> {
  const { signal } = hooks;
  const config = configFrom(options);
  const err = createStyle(process.stderr);
  const warn = hooks.onWarning ?? ((message: string) => process.stderr.write(formatWarning(message, err)));
  const download = progressBar('Loading model', 'files');
  const embedder = await createEmbedder(
    { ...config.embeddings, openai: config.openai, ollama: config.ollama },
    { signal, onProgress: (p) => (p.loaded !== undefined && p.total ? download.update(p.loaded, p.total) : undefined) },
  );
  download.stop();
  const createAnswerer = await answererFactoryFor(config);
  const bar = progressBar('Indexing', 'articles');
  try {
    return await openEngine({
      config,
      embedder,
      createAnswerer,
      force: options.rebuild,
      signal,
      onProgress: ({ done, total }) => (hooks.onProgress ?? bar.update)(done, total),
      onWarning: warn,
    });
  } finally {
    bar.stop();
  }
}
