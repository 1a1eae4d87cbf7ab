import type { Command } from 'commander';
import { collectAnswer } from '../core/engine.js';
import { validateFilters } from '../core/retrieve/filter.js';
import type { Answer, Citation } from '../core/types.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { positiveInt, type FilterFlags } from './flags.js';
import { formatCitation } from './format.js';
import { createStyle } from './style.js';

const citationJson = (c: Citation) => ({
  n: c.n,
  id: c.id,
  file: c.file,
  title: c.title,
  source: c.source,
  date: c.date,
  lang: c.lang,
  start: c.start,
  end: c.end,
  text: c.text,
  ...(c.verified === undefined ? {} : { verified: c.verified }),
});

/** The `--json` object of `kabar ask`. */
export const answerJson = (a: Answer) => ({
  question: a.question,
  answer: a.answer,
  abstained: a.abstained,
  citations: a.citations.map(citationJson),
  ...(a.warnings.length ? { warnings: a.warnings } : {}),
  ...(a.invalidMarkers === undefined ? {} : { invalidMarkers: a.invalidMarkers }),
  timingsMs: a.timingsMs,
});

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('answer a question from the articles, citing the exact sentences')
    .argument('<question>', 'the question, in Indonesian or English')
    .option('-k, --k <n>', 'how many passages to retrieve', positiveInt, 10)
    .option('--since <date>', 'only articles from this date on (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'only articles up to this date')
    .option('--source <outlet>', 'only articles from this outlet')
    .option('--lang <id|en>', 'only articles in this language')
    .option('--json', 'print one JSON object')
    .action(async (question: string, options: FilterFlags & { k: number; json?: boolean }, command: Command) => {
      const filters = validateFilters(options);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      try {
        const engine = await engineFrom(command.optsWithGlobals<GlobalOptions>(), { signal: controller.signal });
        const style = createStyle(process.stdout);
        let streamed = false;
        const answer = await collectAnswer(engine.ask(question, { k: options.k, filters, signal: controller.signal }), (event) => {
          if (event.type === 'token' && !options.json) {
            process.stdout.write(event.text);
            streamed = true;
          }
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(answerJson(answer))}\n`);
          return;
        }
        if (streamed) process.stdout.write('\n');
        if (answer.citations.length) process.stdout.write(`\n${answer.citations.map((c) => formatCitation(c, style)).join('\n')}\n`);
        for (const warning of answer.warnings) process.stderr.write(`${createStyle(process.stderr).warn('warning:')} ${warning}\n`);
      } finally {
        process.off('SIGINT', stop);
      }
    });
}
