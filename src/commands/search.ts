import type { Command } from 'commander';
import { validateFilters } from '../core/retrieve/filter.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { positiveInt, withFilterOptions, type FilterFlags } from './flags.js';
import { jsonLine, searchJson } from '../present/json.js';
import { formatHit } from '../present/terminal.js';
import { createStyle } from './style.js';

export function registerSearch(program: Command): void {
  withFilterOptions(
    program
      .command('search')
      .description('print the passages that best match a query, ranked')
      .argument('<query>', 'words or a question')
      .option('-k, --k <n>', 'how many passages', positiveInt, 10),
  )
    .option('--json', 'print JSON')
    .action(async (query: string, options: FilterFlags & { k: number; json?: boolean }, command: Command) => {
      const filters = validateFilters(options);
      const engine = await engineFrom(command.optsWithGlobals<GlobalOptions>());
      const { hits, ms } = await engine.search(query, { k: options.k, filters });
      if (options.json) process.stdout.write(jsonLine(searchJson(query, hits, ms)));
      else {
        const style = createStyle(process.stdout);
        process.stdout.write(hits.length ? `${hits.map((h, i) => formatHit(h, i + 1, style)).join('\n\n')}\n` : 'No passage matches.\n');
      }
      if (hits.length === 0) process.exitCode = 1;
    });
}
