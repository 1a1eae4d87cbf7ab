import type { Command } from 'commander';
import { matchesATerm, validateFilters } from '../core/index.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { examples, positiveInt, withFilterOptions, type FilterFlags } from './flags.js';
import { jsonLine, searchJson } from '../present/json.js';
import { formatHits } from '../present/terminal.js';
import { createStyle } from '../present/style.js';

export function registerSearch(program: Command): void {
  withFilterOptions(
    program
      .command('search')
      .description('print the passages that best match a query, ranked')
      .argument('<query...>', 'words or a question (quotes optional)')
      .option('-k, --k <n>', 'how many passages', positiveInt, 10),
  )
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['kabar search Khatibzadeh Sputnik', 'kabar search -k 3 --source IRNA sanctions', 'kabar search --json "menteri luar negeri"']))
    .action(async (words: string[], options: FilterFlags & { k: number; json?: boolean }, command: Command) => {
      const filters = validateFilters(options);
      const query = words.join(' ');
      const global = command.optsWithGlobals<GlobalOptions>();
      const engine = await engineFrom(global);
      const found = await engine.search(query, { k: options.k, filters });
      const hits = found.hits.filter(matchesATerm);
      const { ms } = found;
      const { reporterFor, duration } = await import('./reporter.js');
      reporterFor(global).detail(`${found.hits.length} passages in ${duration(ms)}; ${found.hits.length - hits.length} without a matching term left out`);
      if (options.json) process.stdout.write(jsonLine(searchJson(query, hits, ms)));
      else {
        const style = createStyle(process.stdout);
        process.stdout.write(hits.length ? `${formatHits(hits, style)}\n` : 'No passage matches.\n');
      }
      if (hits.length === 0) process.exitCode = 1;
    });
}
