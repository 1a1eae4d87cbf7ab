import type { Command } from 'commander';
import { collectAnswer, findQuote, loadEvaluation, UserError, type Turn } from '../core/index.js';
import { jsonLine } from '../present/json.js';
import { formatTable } from '../present/table.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { interruptible } from './interrupt.js';
import { duration, reporterFor } from './reporter.js';
import { readInput, writeFileAtomic } from './read-input.js';
import { createStyle } from '../present/style.js';

export interface EvalFlags {
  k: number;
  json?: boolean;
  out?: string;
  min?: string[];
  max?: string[];
  skipBadLines?: boolean;
  cite?: string;
}

/** `eval --cite FILE`: looks up every quote of a citation set and scores where it was found. */
async function evalCite(file: string, options: EvalFlags, command: Command): Promise<void> {
  const { formatCiteSummary, loadCiteCases, runCiteEval, scoreCite } = await loadEvaluation();
  const cases = loadCiteCases(await readInput(file, 'the quote file'), file);
  await interruptible(async (signal) => {
    const global = command.optsWithGlobals<GlobalOptions>();
    const engine = await engineFrom(global, { signal });
    const bar = reporterFor(global).progress('Looking up', 'quotes');
    const outcomes = await runCiteEval(cases, (quote) => findQuote(engine, quote), {
      signal,
      onProgress: (done, total) => bar.update(done, total),
    }).finally(() => bar.stop());
    const metrics = scoreCite(outcomes);
    process.stdout.write(options.json ? jsonLine(metrics) : `${terminalSafe(formatCiteSummary(metrics))}\n`);
  });
}

/** `kabar eval` over list, timeline and brief questions: each asked as written, scored by its kind. */
async function evalAcross(file: string, text: string, options: EvalFlags, command: Command): Promise<void> {
  const { formatAcross, loadAcrossCases, runAcrossEval } = await loadEvaluation();
  const cases = loadAcrossCases(text, file);
  await interruptible(async (signal) => {
    const global = command.optsWithGlobals<GlobalOptions>();
    const engine = await engineFrom(global, { signal });
    const report = reporterFor(global);
    const started = performance.now();
    const bar = report.progress('Evaluating', 'questions');
    const metrics = await runAcrossEval(
      cases,
      (c, signal) => collectAnswer(engine.ask(c.question, { k: options.k, filters: c.filters ?? {}, signal })),
      { signal, onProgress: (done, total) => bar.update(done, total) },
    ).finally(() => bar.stop());
    report.detail(`${cases.length} questions in ${duration(performance.now() - started)}`);
    process.stdout.write(options.json ? jsonLine(metrics) : `${terminalSafe(formatAcross(metrics))}\n`);
  });
}

/** `kabar eval`: answers a question set (or looks up a quote set) and prints the scores. */
export async function evalAction(file: string | undefined, options: EvalFlags, command: Command): Promise<void> {
  if (options.cite) {
    if (file !== undefined)
      throw new UserError('BAD_FLAG', 'Give either a question file or --cite, not both.', {
        hint: 'Run kabar eval FILE or kabar eval --cite QUOTES.',
      });
    return evalCite(options.cite, options, command);
  }
  if (file === undefined)
    throw new UserError('BAD_FLAG', 'Name a question file (or - for standard input), or --cite with a quote file.', {
      hint: 'For example kabar eval eval/seeds.jsonl.',
    });
  const {
    checkThresholds,
    collectOutcomes,
    computeMetrics,
    describeFailure,
    formatMarkdownReport,
    isAcrossFile,
    loadQuestions,
    parseThresholds,
    summaryTable,
  } = await loadEvaluation();
  const thresholds = parseThresholds(options.min ?? [], options.max ?? []);
  const text = await readInput(file, 'the question file');
  if (isAcrossFile(text)) return evalAcross(file, text, options, command);
  const { questions, warnings } = loadQuestions(text, file);
  if (warnings.length && !options.skipBadLines) {
    const more =
      warnings.length > 1 ? ` (and ${warnings.length - 1} more bad line${warnings.length > 2 ? 's' : ''})` : '';
    throw new UserError('BAD_QUESTION_FILE', `${warnings[0].replace(/\.$/, '')}${more}.`, {
      hint: 'Fix the file, or pass --skip-bad-lines to score the readable questions.',
    });
  }
  const err = createStyle(process.stderr);
  const global = command.optsWithGlobals<GlobalOptions>();
  const report = reporterFor(global);
  for (const warning of warnings) report.warn(warning);
  await interruptible(async (signal) => {
    const engine = await engineFrom(global, { signal });
    const started = performance.now();
    const bar = report.progress('Evaluating', 'questions');
    const histories = new Map<string, Turn[]>();
    const outcomes = await collectOutcomes(
      questions,
      async (q, { k, signal }) => {
        // The turns of a conversation are asked in order, each with the turns before it as history.
        const history = q.conversation && q.conversation.turn > 1 ? (histories.get(q.conversation.id) ?? []) : [];
        let resolvedQuestion = q.question;
        const answer = await collectAnswer(
          engine.ask(q.question, { k, filters: q.filters ?? {}, history, signal }),
          (event) => {
            if (event.type === 'resolved') resolvedQuestion = event.question;
          },
        );
        if (q.conversation)
          histories.set(q.conversation.id, [
            ...history,
            { question: q.question, resolvedQuestion, answer: answer.answer },
          ]);
        return answer;
      },
      { k: options.k, signal, onProgress: (done, total) => bar.update(done, total) },
    ).finally(() => bar.stop());
    const metrics = computeMetrics(outcomes, options.k);
    report.detail(`${outcomes.length} questions in ${duration(performance.now() - started)}`);
    if (options.json) process.stdout.write(jsonLine(metrics));
    else {
      const summary = summaryTable(metrics);
      const table = formatTable(
        summary.header,
        summary.rows.map((row) => row.map(terminalSafe)),
        createStyle(process.stdout),
        {
          align: summary.header.map((_, col) => (col === 0 ? 'left' : 'right')),
          better: summary.better,
        },
      );
      process.stdout.write(`${table}\n${summary.notes.map(terminalSafe).join('\n')}\n`);
    }
    if (options.out) {
      const info = engine.embedder.info;
      // The report quotes questions, answers and file names: filtered as for the terminal, where it is read.
      writeFileAtomic(
        options.out,
        terminalSafe(
          formatMarkdownReport(metrics, outcomes, {
            file,
            corpus: engine.corpusDir,
            embedder: `${info.provider} (${info.model}, ${info.dimensions} dimensions)`,
            answerer: engine.answerer.name,
            date: new Date().toISOString(),
          }),
        ),
      );
    }
    const failures = checkThresholds(metrics, thresholds);
    for (const failure of failures)
      process.stderr.write(`${err.error('below target:')} ${terminalSafe(describeFailure(failure))}\n`);
    if (failures.length) process.exitCode = 1;
  });
}
