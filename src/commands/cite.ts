import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { matchContext } from '../core/cite/context.js';
import { findQuote, type QuoteMatch } from '../core/cite/find.js';
import type { Engine } from '../core/engine.js';
import { UserError } from '../core/errors.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { positiveInt } from './flags.js';
import { byline } from './format.js';
import { readInput } from './read-input.js';
import { createStyle, type Style } from './style.js';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** The JSON form: exactly these keys per match, and the earliest article at the top level when there is one. */
export function citeJson(quote: string, matches: QuoteMatch[]) {
  const earliest = matches.find((m) => m.earliest)?.file;
  return {
    quote,
    matches: matches.map(({ file, id, start, end, line, text, score, kind }) => ({ file, id, start, end, line, text, score, kind })),
    ...(earliest ? { earliest } : {}),
  };
}

function formatMatch(engine: Engine, match: QuoteMatch, rank: number, style: Style): string {
  const article = engine.view.article(match.file);
  let context = { before: '', text: match.text, after: '' };
  if (article) {
    try {
      context = matchContext(fs.readFileSync(path.join(engine.view.data.manifest.corpusDir, match.file), 'utf8'), article, match.start, match.end);
    } catch {
      // the file went away after indexing: show the match alone
    }
  }
  const head = `${style.accent(`${rank}.`)} ${style.bold(match.kind)} · ${match.score.toFixed(3)} · ${style.bold(`${match.file}:${match.line}`)}${match.earliest ? ` · ${style.accent('earliest')}` : ''}`;
  const meta = style.dim(`${byline(match.source, match.date, match.lang)} · ${match.id} · chars ${match.start}–${match.end}`);
  const body = `${style.dim(flat(context.before).trimStart())}${style.highlight(flat(context.text))}${style.dim(flat(context.after).trimEnd())}`;
  return `${head}\n   ${meta}\n   ${body}`;
}

export function registerCite(program: Command): void {
  program
    .command('cite')
    .description('find the passages a quote or claim came from: exact, fuzzy or paraphrased, with exact offsets')
    .argument('<quote>', 'the quote, or - to read it from standard input')
    .option('-k, --k <n>', 'how many matches at most', positiveInt, 5)
    .option('--json', 'print JSON')
    .action(async (quoteArg: string, options: { k: number; json?: boolean }, command: Command) => {
      const quote = (quoteArg === '-' ? await readInput('-', 'the quote') : quoteArg).trim();
      if (!/[\p{L}\p{N}]/u.test(quote)) throw new UserError('BAD_FLAG', 'The quote has no words to look for.', { hint: 'Give the quote in double quotes, e.g. kabar cite "Lavrov bertemu dengan timpalannya".' });
      const engine = await engineFrom(command.optsWithGlobals<GlobalOptions>());
      const matches = await findQuote(engine, quote, { k: options.k });
      if (options.json) process.stdout.write(`${JSON.stringify(citeJson(quote, matches))}\n`);
      else if (matches.length) {
        const style = createStyle(process.stdout);
        process.stdout.write(`${matches.map((m, i) => formatMatch(engine, m, i + 1, style)).join('\n\n')}\n`);
      } else process.stderr.write('No article contains or says that quote.\n');
      if (matches.length === 0) process.exitCode = 1;
    });
}
