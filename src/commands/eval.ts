import type { Command } from 'commander';
import type { EvalFlags } from './eval-action.js';
import { collect, examples, positiveInt } from './flags.js';
import { DEFAULT_K } from '../core/index.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('answer a question set and score retrieval, answers and citations')
    .argument('[file]', 'questions as JSON Lines or CSV, or - for standard input')
    .option('--cite <quotes.jsonl>', 'score citation lookup (kabar cite) on a quote set instead, e.g. eval/cite.jsonl')
    .option('-k, --k <n>', 'passages retrieved per question', positiveInt, DEFAULT_K)
    .option('--json', 'print the metrics as JSON')
    .option('--out <report.md>', 'also write a Markdown report with the failures')
    .option('--min <metric=value>', 'exit 1 when a metric is below this (repeatable)', collect)
    .option(
      '--max <metric=value>',
      'exit 1 when a metric is above this, e.g. abstention.falseRate (repeatable)',
      collect,
    )
    .option(
      '--skip-bad-lines',
      'score the readable questions when some lines of the file cannot be read (otherwise exit 2)',
    )
    .addHelpText(
      'after',
      examples([
        'kabar eval eval/seeds.jsonl',
        'kabar eval eval/conversations.jsonl',
        'kabar eval --out report.md --min recall@5=0.9 eval/seeds.jsonl',
        'kabar eval --cite eval/cite.jsonl',
        'kabar eval --json - < questions.csv',
      ]),
    )
    .action(async (file: string | undefined, options: EvalFlags, command: Command) =>
      (await import('./eval-action.js')).evalAction(file, options, command),
    );
}
