import type { Command } from 'commander';
import { DEFAULT_K, termMatches, UserError, validateFilters, type Hit } from '../core/index.js';
import { engineFrom } from './context.js';
import { examples, positiveInt, withFilterOptions, type FilterFlags } from './flags.js';
import { jsonLine, searchJson } from '../present/json.js';
import { formatHits } from '../present/terminal.js';
import { createStyle } from '../present/style.js';
import { fromServer, type ServerFlags } from './via-server.js';

export function registerSearch(program: Command): void {
  withFilterOptions(
    program
      .command('search')
      .description('print the passages that best match a query, ranked')
      .argument('<query...>', 'words or a question (quotes optional)')
      .option('-k, --k <n>', 'how many passages', positiveInt, DEFAULT_K),
  )
    .option('--all-passages', 'show every matching passage of an article, not only its best three')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples([
        'kabar search Khatibzadeh Sputnik',
        'kabar search -k 3 --source IRNA sanctions',
        'kabar search --json "menteri luar negeri"',
      ]),
    )
    .action(
      async (
        words: string[],
        options: FilterFlags & { k: number; json?: boolean; allPassages?: boolean },
        command: Command,
      ) => {
        const filters = validateFilters(options);
        const query = words.join(' ');
        if (query.trim() === '')
          throw new UserError('BAD_FLAG', 'The query is empty.', {
            hint: 'Type words to search for, e.g. kabar search Khatibzadeh Sputnik.',
          });
        const global = command.optsWithGlobals<ServerFlags>();
        const remote = await fromServer(global, {
          path: `/v1/search?${new URLSearchParams({ q: query, k: String(options.k), ...filters, ...(options.allPassages ? { all_passages: '1' } : {}) })}`,
        });
        if (remote) {
          const served = remote.value as ReturnType<typeof searchJson>;
          const { reporterFor } = await import('./reporter.js');
          reporterFor(global).detail(`${served.hits.length} passages from kabar serve at ${remote.url}`);
          if (options.json) process.stdout.write(jsonLine(served));
          else
            process.stdout.write(
              served.hits.length
                ? `${formatHits(served.hits.map(servedHit), createStyle(process.stdout))}\n`
                : 'No passage matches.\n',
            );
          if (served.hits.length === 0) process.exitCode = 1;
          return;
        }
        const engine = await engineFrom(global);
        const { hits, ms, read } = await termMatches(
          (k) => engine.search(query, { k, filters, allPassages: options.allPassages }),
          options.k,
        );
        const { reporterFor, duration } = await import('./reporter.js');
        reporterFor(global).detail(
          `${read} passages in ${duration(ms)}; ${read - hits.length} without a matching term left out`,
        );
        if (options.json) process.stdout.write(jsonLine(searchJson(query, hits, ms)));
        else {
          const style = createStyle(process.stdout);
          process.stdout.write(hits.length ? `${formatHits(hits, style)}\n` : 'No passage matches.\n');
        }
        if (hits.length === 0) process.exitCode = 1;
      },
    );
}

/** A hit as `kabar search --json` and the server give it, back in the shape the table is drawn from. */
const servedHit = (h: ReturnType<typeof searchJson>['hits'][number]): Hit => ({
  passage: { id: h.id, file: h.file, start: h.start, end: h.end, text: h.text, sentences: [] },
  article: { file: h.file, title: h.title, source: h.source, date: h.date, lang: h.lang, url: h.url, origin: h.origin },
  score: h.score,
  why: h.why,
  related: h.related,
  ...(h.folded ? { folded: h.folded } : {}),
});
