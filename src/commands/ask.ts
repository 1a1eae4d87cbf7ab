import { InvalidArgumentError, type Command } from 'commander';
import { collectAnswer, DEFAULT_K, UserError, validateFilters } from '../core/index.js';
import { askBatch, batchQuestions } from './ask-batch.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { examples, positiveInt, withFilterOptions, type FilterFlags } from './flags.js';
import { interruptible } from './interrupt.js';
import { answerJson, jsonLine } from '../present/json.js';
import { formatCitation, formatSupport } from '../present/terminal.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { wrapStream } from '../present/wrap.js';
import { questionFrom, readInput } from './read-input.js';
import { createStyle } from '../present/style.js';

/** Columns a wrapped answer's continuation lines are indented by. */
const ANSWER_HANG = 2;

export function registerAsk(program: Command): void {
  withFilterOptions(
    program
      .command('ask')
      .description('answer a question from the articles, citing the exact sentences')
      .argument(
        '[question...]',
        'the question, in Indonesian or English (quotes optional), or - to read it from standard input',
      )
      .option('-k, --k <n>', 'how many passages to retrieve', positiveInt, DEFAULT_K),
  )
    .option(
      '--min-confidence <p>',
      'abstain (naming the closest passage) when the answer is less sure than this, 0 to 1',
      confidenceValue,
      0,
    )
    .option('--batch <file>', 'answer one question per line of a file (- for standard input) as JSON Lines')
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      examples([
        'kabar ask Who met Shoygu?',
        'kabar ask "Di mana Lavrov bertemu Amir Abdollahian?"',
        'kabar ask --lang en --since 2020-10 "What did Zakharova say about sanctions?"',
        'echo "Kapan Hatami bertemu Shoygu?" | kabar ask -',
        'kabar ask --batch questions.txt > answers.jsonl',
        'kabar ask --json "Who met Shoygu?"',
      ]),
    )
    .action(
      async (
        words: string[],
        options: FilterFlags & { k: number; json?: boolean; minConfidence: number; batch?: string },
        command: Command,
      ) => {
        const filters = validateFilters(options);
        if (options.batch !== undefined && words.length)
          throw new UserError('BAD_FLAG', 'Give either a question or --batch FILE, not both.', {
            hint: 'Put the question in the batch file, one question per line.',
          });
        const batch =
          options.batch === undefined ? null : batchQuestions(await readInput(options.batch, 'the questions'));
        if (batch?.length === 0)
          throw new UserError(
            'BAD_FLAG',
            `${options.batch === '-' ? 'Standard input' : options.batch} holds no question.`,
            {
              hint: 'Write one question per line.',
            },
          );
        const question = batch ? '' : await questionFrom(words);
        if (!batch && question.trim() === '')
          throw new UserError('BAD_FLAG', 'The question is empty.', {
            hint: 'Type a question, e.g. kabar ask "Who met Shoygu?".',
          });
        await interruptible(async (signal) => {
          const global = command.optsWithGlobals<GlobalOptions>();
          const [engine, { reporterFor, duration }] = await Promise.all([
            engineFrom(global, { signal }),
            import('./reporter.js'),
          ]);
          const report = reporterFor(global);
          if (batch) {
            await askBatch(
              engine,
              batch,
              { k: options.k, filters, signal, minConfidence: options.minConfidence },
              report,
            );
            return;
          }
          const style = createStyle(process.stdout);
          const write = (text: string) => process.stdout.write(text);
          // On a terminal the streamed answer is word-wrapped as it comes, continuation lines indented.
          const out = style.width ? wrapStream(style.width, ANSWER_HANG, write) : { push: write, end() {} };
          // With a confidence floor the answer may still turn into an abstention: it is printed whole, not streamed.
          const streaming = !options.json && options.minConfidence === 0;
          let streamed = '';
          const asked = engine.ask(question, { k: options.k, filters, signal, minConfidence: options.minConfidence });
          const answer = await collectAnswer(asked, (event) => {
            if (event.type === 'token' && streaming) {
              out.push(terminalSafe(event.text));
              streamed += event.text;
            }
          });
          // What the answer says beyond what was streamed (an abstention's closest passage) follows it.
          const rest = answer.answer.startsWith(streamed) ? answer.answer.slice(streamed.length) : '';
          if (!options.json && rest) out.push(terminalSafe(rest));
          const t = answer.timingsMs;
          if (answer.resolvedQuestion !== question) report.detail(`follow-up resolved as: ${answer.resolvedQuestion}`);
          report.detail(
            `${answer.hits.length} passages retrieved (k ${options.k}); ${answer.abstained ? 'abstained: no passage says it' : `answered by ${engine.answerer.name} with ${answer.citations.length} citation${answer.citations.length === 1 ? '' : 's'}`}; ` +
              `retrieve ${duration(t.retrieve)}, answer ${duration(t.answer)}, total ${duration(t.total)}`,
          );
          if (options.json) {
            process.stdout.write(jsonLine(answerJson(answer)));
            return;
          }
          out.end();
          if (streamed || rest) process.stdout.write('\n');
          // A short answer is followed by the sentence that supports it; otherwise the text is the whole answer.
          const support = formatSupport(answer, style);
          if (support) process.stdout.write(`${support}\n`);
          if (answer.citations.length)
            process.stdout.write(`\n${answer.citations.map((c) => formatCitation(c, style)).join('\n')}\n`);
          for (const warning of answer.warnings) report.warn(warning);
        });
      },
    );
}

/** `--min-confidence`: a number from 0 to 1. */
function confidenceValue(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidArgumentError(`${text} is not a number from 0 to 1.`);
  return value;
}
