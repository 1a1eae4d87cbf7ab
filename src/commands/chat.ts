import path from 'node:path';
import type { Command } from 'commander';
import { findQuote, matchesFilters, UserError, type Filters } from '../core/index.js';
import { examples } from './flags.js';
import { configFrom, engineFrom, type GlobalOptions } from './context.js';
import type { OpenHooks } from '../ui/hooks/use-engine.js';

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description(
      'talk with the articles in the terminal: streamed answers with sources, follow-ups, /open, /cite, /filter',
    )
    .addHelpText('after', examples(['kabar chat', 'kabar --corpus ~/news chat', 'KABAR_LLM=ollama kabar chat']))
    .action(async (_options: object, command: Command) => {
      if (!process.stdout.isTTY || !process.stdin.isTTY) {
        throw new UserError(
          'NOT_A_TERMINAL',
          'kabar chat needs a terminal; use kabar ask "your question" in scripts and pipes.',
        );
      }
      const global = command.optsWithGlobals<GlobalOptions>();
      const config = configFrom(global);
      // The index is opened once the chat is on screen: building it keeps the process busy, and the chat shows its progress.
      const open = (hooks: OpenHooks) =>
        engineFrom(global, hooks).then(async (engine) => {
          const { provider, model } = engine.embedder.info;
          const counts = await engine.store.counts();
          const relative = path.relative(process.cwd(), config.corpusDir);
          return {
            engine,
            findQuote: (quote: string) => findQuote(engine, quote, { k: 5 }),
            articlesMatching: async (filters: Filters) => {
              const articles = await Promise.all(
                [...(await engine.store.versions()).keys()].map((id) => engine.store.article(id)),
              );
              return articles.filter((a) => a && matchesFilters(a, filters)).length;
            },
            header: {
              corpus:
                relative && !relative.startsWith('..') && relative.length < config.corpusDir.length
                  ? relative
                  : config.corpusDir,
              articles: counts.articles,
              passages: counts.passages,
              embedder: model && model !== provider ? `${provider} (${model})` : provider,
              answerer: engine.answerer.name,
            },
          };
        });
      // Ink renders only the last frame when it thinks it runs in CI; this is a terminal, so it must draw every frame.
      for (const marker of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[marker];
      const [{ runChat }, { fileHistory }] = await Promise.all([
        import('../ui/run-chat.js'),
        import('../ui/state/input-history.js'),
      ]);
      await runChat({ history: fileHistory(config.indexDir), open });
    });
}
