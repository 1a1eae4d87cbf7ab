import { InvalidArgumentError, type Command } from 'commander';
import type { Answer } from '../core/index.js';
import { collectAnswer, DEFAULT_K, UserError, validateFilters } from '../core/index.js';
import { answerBatch, batchQuestions } from './ask-batch.js';
import { engineFrom } from './context.js';
import { examples, positiveInt, withFilterOptions, type FilterFlags } from './flags.js';
import { interruptible } from './interrupt.js';
import { answerJson, jsonLine } from '../present/json.js';
import { formatCitation, formatSupport } from '../present/terminal.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { wrapStream } from '../present/wrap.js';
import { questionFrom, readInput } from './read-input.js';
import { createStyle } from '../present/style.js';
import { fromServer, type ServerFlags } from './via-server.js';

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
    .option(
      '--lines <n>',
      'the most lines of a brief ("Ringkas berita tentang …", "Summarize …"); default 5',
      positiveInt,
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
        'kabar ask "Siapa saja yang bertemu Lavrov?"',
        'kabar ask --since 2020 "What happened between Iran and Russia?"',
        'kabar ask --lines 3 "Ringkas berita tentang kerja sama militer Iran dan Rusia"',
      ]),
    )
    .action(async (words: string[], options: AskFlags, command: Command) => {
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
      const global = command.optsWithGlobals<ServerFlags>();
      /** The question asked of a running `kabar serve` for this index, or undefined when there is none to ask. */
      const askServer = (text: string) =>
        fromServer(global, {
          path: '/v1/ask',
          body: {
            question: text,
            k: options.k,
            ...filters,
            ...(options.minConfidence > 0 ? { min_confidence: options.minConfidence } : {}),
            ...(options.lines ? { lines: options.lines } : {}),
          },
        });
      if (batch) {
        await answerBatch(batch, askServer, global, {
          k: options.k,
          filters,
          minConfidence: options.minConfidence,
          lines: options.lines,
        });
        return;
      }
      const remote = await askServer(question);
      if (remote) {
        const { reporterFor } = await import('./reporter.js');
        reporterFor(global).detail(`answered by kabar serve at ${remote.url}`);
        // The served object is the one --json prints; the answer is printed from it as below.
        const served = remote.value as ReturnType<typeof answerJson>;
        if (options.json) process.stdout.write(jsonLine(served));
        else
          printAnswer(
            {
              ...served,
              resolvedQuestion: served.question,
              hits: [],
              warnings: served.warnings ?? [],
            } as unknown as Answer,
            false,
            reporterFor(global).warn,
          );
        return;
      }
      await interruptible(async (signal) => {
        const [engine, { reporterFor, duration }] = await Promise.all([
          engineFrom(global, { signal }),
          import('./reporter.js'),
        ]);
        const report = reporterFor(global);
        const asking = { k: options.k, filters, signal, minConfidence: options.minConfidence, lines: options.lines };
        const out = answerOutput();
        // With a confidence floor the answer may still turn into an abstention: it is printed whole, not streamed.
        const streaming = !options.json && options.minConfidence === 0;
        let streamed = '';
        const answer = await collectAnswer(engine.ask(question, asking), (event) => {
          if (event.type === 'token' && streaming) {
            out.push(terminalSafe(event.text));
            streamed += event.text;
          }
        });
        // What the answer says beyond what was streamed (an abstention's closest passage) follows it.
        if (streamed && answer.answer.startsWith(streamed))
          out.push(terminalSafe(answer.answer.slice(streamed.length)));
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
        printAnswer(answer, streamed !== '', report.warn);
      });
    });
}

type AskFlags = FilterFlags & { k: number; json?: boolean; minConfidence: number; batch?: string; lines?: number };

/** `--min-confidence`: a number from 0 to 1. */
function confidenceValue(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidArgumentError(`${text} is not a number from 0 to 1.`);
  return value;
}

/** Where the answer's text goes: on a terminal word-wrapped as it comes, continuation lines indented. */
function answerOutput(): { push(text: string): void; end(): void } {
  const style = createStyle(process.stdout);
  const write = (text: string) => process.stdout.write(text);
  return style.width ? wrapStream(style.width, ANSWER_HANG, write) : { push: write, end() {} };
}

/** Prints an answer after its text: the text itself when it was not streamed, the supporting sentence, the citations and the warnings. */
function printAnswer(answer: Answer, streamed: boolean, warn: (message: string) => void): void {
  const style = createStyle(process.stdout);
  if (!streamed) {
    const out = answerOutput();
    out.push(terminalSafe(answer.answer));
    out.end();
  }
  process.stdout.write('\n');
  // A short answer is followed by the sentence that supports it; otherwise the text is the whole answer.
  const support = formatSupport(answer, style);
  if (support) process.stdout.write(`${support}\n`);
  if (answer.citations.length)
    process.stdout.write(`\n${answer.citations.map((c) => formatCitation(c, style)).join('\n')}\n`);
  for (const warning of answer.warnings) warn(warning);
}
