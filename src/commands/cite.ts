import type { Command } from 'commander';
import { findQuote, matchContext, UserError, type Engine, type QuoteMatch } from '../core/index.js';
import { citeJson, jsonLine } from '../present/json.js';
import { formatMatch } from '../present/terminal.js';
import { spanParts, type SpanParts } from '../present/text.js';
import { engineFrom } from './context.js';
import { examples, positiveInt } from './flags.js';
import { readInput } from './read-input.js';
import { createStyle } from '../present/style.js';
import { fromServer, type ServerFlags } from './via-server.js';

/** The match highlighted in the sentences around it, from the indexed text; the match alone when the article went away. */
async function around(engine: Engine, match: QuoteMatch): Promise<SpanParts> {
  const [article, raw] = await Promise.all([engine.store.article(match.file), engine.store.raw(match.file)]);
  const context =
    article && raw !== undefined
      ? matchContext(raw, article, match.start, match.end)
      : { before: '', text: match.text, after: '' };
  return spanParts(context.before, context.text, context.after);
}

export function registerCite(program: Command): void {
  program
    .command('cite')
    .description('find the passages a quote or claim came from: exact, fuzzy or paraphrased, with exact offsets')
    .argument('<quote>', 'the quote, or - to read it from standard input')
    .option('-k, --k <n>', 'how many matches at most', positiveInt, 5)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples([
        'kabar cite "Lavrov bertemu dengan timpalannya"',
        'pbpaste | kabar cite -',
        'kabar cite --json -k 3 "sanctions on Iran"',
      ]),
    )
    .action(async (quoteArg: string, options: { k: number; json?: boolean }, command: Command) => {
      const quote = (quoteArg === '-' ? await readInput('-', 'the quote') : quoteArg).trim();
      if (!/[\p{L}\p{N}]/u.test(quote))
        throw new UserError('BAD_FLAG', 'The quote has no words to look for.', {
          hint: 'Give the quote in double quotes, e.g. kabar cite "Lavrov bertemu dengan timpalannya".',
        });
      const global = command.optsWithGlobals<ServerFlags>();
      // The JSON a running server gives is this command's; the terminal form needs the articles' text, read here.
      const remote = options.json
        ? await fromServer(global, { path: '/v1/cite', body: { quote, k: options.k } })
        : undefined;
      if (remote) {
        const served = remote.value as ReturnType<typeof citeJson>;
        process.stdout.write(jsonLine(served));
        if (served.matches.length === 0) process.exitCode = 1;
        return;
      }
      const engine = await engineFrom(global);
      const matches = await findQuote(engine, quote, { k: options.k });
      if (options.json) process.stdout.write(jsonLine(citeJson(quote, matches)));
      else if (matches.length) {
        const style = createStyle(process.stdout);
        const contexts = await Promise.all(matches.map((m) => around(engine, m)));
        process.stdout.write(`${matches.map((m, i) => formatMatch(m, contexts[i], i + 1, style)).join('\n\n')}\n`);
      } else process.stderr.write('No article contains or says that quote.\n');
      if (matches.length === 0) process.exitCode = 1;
    });
}
