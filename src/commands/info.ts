import path from 'node:path';
import type { Command } from 'commander';
import { jsonLine } from '../present/json.js';
import { formatIndexes } from '../present/terminal.js';
import { oneLine } from '../present/text.js';
import { inspectIndexes, inspectPostgresIndexes, skipWarnings, withoutPassword } from '../core/index.js';
import { configFrom, type GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { createStyle } from '../present/style.js';

/** Skipped sources listed one a line; beyond this many, how many more. */
const SKIPS_SHOWN = 10;

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show what the index holds, built with which embedder, when, and how big')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['kabar info', 'kabar --embeddings transformers info --json']))
    .action(async (options: { json?: boolean }, command: Command) => {
      const config = configFrom(command.optsWithGlobals<GlobalOptions>());
      const server = config.store.kind === 'postgres' ? config.store : undefined;
      const indexes = server
        ? await inspectPostgresIndexes(server.readUrl ?? server.url)
        : await inspectIndexes(config.indexDir);
      const where = server ? withoutPassword(server.url) : config.indexDir;
      if (options.json) {
        process.stdout.write(
          jsonLine({
            corpus: config.corpusDir,
            index: where,
            embeddings: config.embeddings.provider,
            llm: config.llm.provider,
            indexes,
          }),
        );
        return;
      }
      const style = createStyle(process.stdout);
      const lines = [
        `${style.bold('Corpus')}      ${oneLine(config.corpusDir)}`,
        `${style.bold('Index')}       ${oneLine(where)}${server?.readUrl ? ` (reads from ${oneLine(withoutPassword(server.readUrl))})` : ''}`,
        `${style.bold('Embeddings')}  ${config.embeddings.provider}${config.embeddings.model ? ` (${oneLine(config.embeddings.model)})` : ''}`,
        `${style.bold('Answerer')}    ${config.llm.provider === 'none' ? 'extractive (offline)' : `${config.llm.provider}${config.llm.model ? ` (${oneLine(config.llm.model)})` : ''}`}`,
        '',
      ];
      if (indexes.length === 0) lines.push('No index yet: any command builds it, or run kabar index.');
      const built = indexes.filter(
        (i): i is typeof i & { manifest: NonNullable<typeof i.manifest> } => i.manifest !== null,
      );
      if (built.length) lines.push(formatIndexes(built, style));
      for (const { dir, manifest, problem } of indexes)
        if (!manifest) lines.push(`${style.warn(oneLine(path.basename(dir)))}: ${oneLine(problem ?? '')}`);
      // What the last refresh could not index, one line each (the table counts them).
      for (const { dir, skipped } of built) {
        const skips = skipWarnings(skipped);
        if (skips.length === 0) continue;
        lines.push(
          '',
          `${style.bold('Skipped')} (${oneLine(path.basename(dir))})`,
          ...skips.slice(0, SKIPS_SHOWN).map((line) => `  ${style.warn(oneLine(line))}`),
        );
        if (skips.length > SKIPS_SHOWN)
          lines.push(`  …and ${skips.length - SKIPS_SHOWN} more (kabar info --json lists them all)`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
