import type { Command } from 'commander';
import { withoutPassword, describeError, UserError, watchCorpus, type Engine } from '../core/index.js';
import { jsonLine } from '../present/json.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { formatWarning } from '../present/terminal.js';
import { configFrom, engineFrom, type GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { interruptible } from './interrupt.js';
import { createStyle } from '../present/style.js';

export function registerIndex(program: Command): void {
  program
    .command('index')
    .description('build or refresh the index of the corpus (only changed articles are processed)')
    .option('--rebuild', 'rebuild every article from scratch')
    .option(
      '--break-lock',
      'remove a write lock left by a writer that no longer runs (check first: kabar cannot always tell)',
    )
    .option('--json', 'print the summary as JSON')
    .option('--watch', 'keep the index up to date as files are added, changed or removed, until Ctrl+C')
    .addHelpText(
      'after',
      examples([
        'kabar index',
        'kabar --corpus ~/news --index ~/news/.kabar index',
        'kabar index --rebuild --json',
        'kabar --corpus ~/scraped index --watch',
      ]),
    )
    .action(
      async (
        options: { json?: boolean; rebuild?: boolean; watch?: boolean; breakLock?: boolean },
        command: Command,
      ) => {
        const global = command.optsWithGlobals<GlobalOptions & { json?: boolean }>();
        const first = await interruptible((signal) =>
          engineFrom({ ...global, rebuild: options.rebuild, breakLock: options.breakLock }, { signal, writer: true }),
        );
        report(first, options.json, whereIs(global, first));
        if (!options.watch) return first.close();
        const corpus = configFrom(global).corpusDir;
        const err = createStyle(process.stderr);
        // Ctrl+C between refreshes is how a watch ends (exit 0); during a refresh it cancels that refresh
        // (the index stays as it was) and ends as cancelled.
        const stop = new AbortController();
        const abort = () => stop.abort();
        process.once('SIGINT', abort);
        let current: Engine | null = first;
        let cut = false;
        try {
          await watchCorpus(
            corpus,
            async () => {
              await current?.close();
              current = null;
              try {
                current = await engineFrom(global, { writer: true, signal: stop.signal });
              } catch (error) {
                if (!stop.signal.aborted) throw error;
                cut = true;
                return;
              }
              report(current, options.json, whereIs(global, current));
            },
            {
              signal: stop.signal,
              onError: (error) => process.stderr.write(formatWarning(describeError(error), err)),
              onWarning: (message) => process.stderr.write(formatWarning(message, err)),
              onReady: () => process.stderr.write(`Watching ${terminalSafe(corpus)} for changes; Ctrl+C stops.\n`),
            },
          );
        } finally {
          process.off('SIGINT', abort);
          await current?.close();
        }
        if (cut)
          throw new UserError(
            'CANCELLED',
            'Cancelled: the refresh under way was stopped; the index is as it was before it.',
          );
        process.stderr.write(`Stopped watching ${terminalSafe(corpus)}.\n`);
      },
    );
}

/** Where the index is: a server by its address, without the password; a local index by its folder. */
function whereIs(global: GlobalOptions, engine: Engine): string {
  const { store } = configFrom(global);
  return store.kind === 'postgres' ? withoutPassword(store.url) : engine.indexDir;
}

/** Prints what a refresh did: one line (or one JSON object) per refresh. */
function report(engine: Engine, json: boolean | undefined, where: string): void {
  const r = engine.refresh;
  if (json) {
    process.stdout.write(jsonLine({ ...r, index: where, embedder: engine.embedder.info }));
    return;
  }
  const style = createStyle(process.stdout);
  const changes = [`${r.added} added`, `${r.changed} changed`, `${r.removed} removed`, `${r.unchanged} unchanged`];
  if (r.skipped.length) changes.push(`${r.skipped.length} skipped`);
  process.stdout.write(
    `${style.bold(`${r.articles} articles, ${r.passages} passages`)} indexed in ${(r.ms / 1000).toFixed(2)} s (${changes.join(', ')}).\n` +
      style.dim(`Index: ${terminalSafe(where)}\n`),
  );
}
