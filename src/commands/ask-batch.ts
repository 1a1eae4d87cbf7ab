import { collectAnswer, type Engine, type Filters } from '../core/index.js';
import { answerJson, jsonLine } from '../present/json.js';
import type { Reporter } from './reporter.js';

/** The questions of a batch: one per line, blank lines skipped. */
export const batchQuestions = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * `kabar ask --batch`: each question answered in turn, one JSON object per question on its own line, in the
 * order asked (a progress bar on a terminal). Questions are independent: no follow-ups across lines.
 */
export async function askBatch(
  engine: Engine,
  questions: string[],
  options: { k: number; filters: Filters; signal: AbortSignal; minConfidence: number },
  report: Reporter,
): Promise<void> {
  const bar = report.progress('Answering', 'questions');
  try {
    for (const [i, question] of questions.entries()) {
      bar.update(i, questions.length);
      const answer = await collectAnswer(engine.ask(question, options));
      process.stdout.write(jsonLine(answerJson(answer)));
    }
    bar.update(questions.length, questions.length);
  } finally {
    bar.stop();
  }
}
