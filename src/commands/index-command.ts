import type { Command } from 'commander';
import { jsonLine } from '../present/json.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { interruptible } from './interrupt.js';
import { createStyle } from './style.js';

export function registerIndex(program: Command): void {
  program
    .command('index')
    .description('build or refresh the index of the corpus (only changed articles are processed)')
    .option('--rebuild', 'rebuild every article from scratch')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', examples(['kabar index', 'kabar --corpus ~/news --index ~/news/.kabar index', 'kabar index --rebuild --json']))
    .action(async (options: { json?: boolean; rebuild?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions & { json?: boolean }>();
      const engine = await interruptible((signal) => engineFrom({ ...global, rebuild: options.rebuild }, { signal, writer: true }));
      const r = engine.refresh;
      if (options.json) {
        process.stdout.write(jsonLine({ ...r, index: engine.indexDir, embedder: engine.embedder.info }));
        return;
      }
      const style = createStyle(process.stdout);
      const changes = [`${r.added} added`, `${r.changed} changed`, `${r.removed} removed`, `${r.unchanged} unchanged`];
      if (r.skipped.length) changes.push(`${r.skipped.length} skipped`);
      process.stdout.write(
        `${style.bold(`${r.articles} articles, ${r.passages} passages`)} indexed in ${(r.ms / 1000).toFixed(2)} s (${changes.join(', ')}).\n` +
          style.dim(`Index: ${terminalSafe(engine.indexDir)}\n`),
      );
    });
}
