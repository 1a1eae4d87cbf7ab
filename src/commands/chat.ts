import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import type { Filters } from '../core/types.js';
import { examples } from './flags.js';
import { configFrom, engineFrom, type GlobalOptions } from './context.js';

interface RelayHooks {
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
  onWarning(message: string): void;
}

/** Holds progress and warnings until the UI attaches, then forwards them; the UI's signal cancels the opening. */
function progressRelay() {
  const controller = new AbortController();
  let target: RelayHooks | null = null;
  let last: [number, number] | null = null;
  const warnings: string[] = [];
  return {
    signal: controller.signal,
    onProgress(done: number, total: number) {
      last = [done, total];
      target?.onProgress(done, total);
    },
    onWarning(message: string) {
      if (target) target.onWarning(message);
      else warnings.push(message);
    },
    attach(hooks: RelayHooks) {
      target = hooks;
      hooks.signal.addEventListener('abort', () => controller.abort(), { once: true });
      for (const w of warnings.splice(0)) hooks.onWarning(w);
      if (last) hooks.onProgress(...last);
    },
  };
}

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk with the articles in the terminal: streamed answers with sources, follow-ups, /open, /cite, /filter')
    .addHelpText('after', examples(['kabar chat', 'kabar --corpus ~/news chat', 'KABAR_LLM=ollama kabar chat']))
    .action(async (_options: object, command: Command) => {
      if (!process.stdout.isTTY || !process.stdin.isTTY) {
        throw new UserError('NOT_A_TERMINAL', 'kabar chat needs a terminal; use kabar ask "your question" in scripts and pipes.');
      }
      const global = command.optsWithGlobals<GlobalOptions>();
      const config = configFrom(global);
      // Opening the index and loading Ink start together; progress is relayed to the UI once it is up.
      const relay = progressRelay();
      const opening = Promise.all([
        engineFrom(global, { signal: relay.signal, onProgress: relay.onProgress, onWarning: relay.onWarning }),
        import('../core/cite/find.js'),
        import('../core/retrieve/filter.js'),
      ]).then(async ([engine, { findQuote }, { matchesFilters }]) => {
        const { provider, model } = engine.embedder.info;
        const counts = await engine.store.counts();
        const relative = path.relative(process.cwd(), config.corpusDir);
        return {
          engine,
          findQuote: (quote: string) => findQuote(engine, quote, { k: 5 }),
          articlesMatching: async (filters: Filters) => {
            const articles = await Promise.all([...(await engine.store.versions()).keys()].map((id) => engine.store.article(id)));
            return articles.filter((a) => a && matchesFilters(a, filters)).length;
          },
          header: {
            corpus: relative && !relative.startsWith('..') && relative.length < config.corpusDir.length ? relative : config.corpusDir,
            articles: counts.articles,
            passages: counts.passages,
            embedder: model && model !== provider ? `${provider} (${model})` : provider,
            answerer: engine.answerer.name,
          },
        };
      });
      opening.catch(() => {}); // reported by the UI
      // Ink renders only the last frame when it thinks it runs in CI; this is a terminal, so it must draw every frame.
      for (const marker of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[marker];
      const [{ runChat }, { fileHistory }] = await Promise.all([import('../ui/run-chat.js'), import('../ui/state/input-history.js')]);
      await runChat({
        history: fileHistory(config.indexDir),
        open: (hooks) => {
          relay.attach(hooks);
          return opening;
        },
      });
    });
}
