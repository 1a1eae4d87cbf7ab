import { collectAnswer, type Engine, type Filters } from '../core/index.js';
import { answerJson, jsonLine } from '../present/json.js';
import { engineFrom } from './context.js';
import { interruptible } from './interrupt.js';
import type { ServerFlags } from './via-server.js';

/** The questions of a batch: one per line, blank lines skipped. */
export const batchQuestions = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The answer JSON a running `kabar serve` gave, or undefined when there is none to ask. */
type AskServer = (question: string) => Promise<{ value: unknown; url: string } | undefined>;

/**
 * `kabar ask --batch`: each question answered in turn, one JSON object per question on its own line, in the
 * order asked (a progress bar on a terminal). Questions are independent: no follow-ups across lines. A
 * running `kabar serve` for the index answers them; when there is none (or it stops answering), the rest
 * are answered here, as the same objects.
 */
export async function answerBatch(
  questions: string[],
  askServer: AskServer,
  global: ServerFlags,
  options: { k: number; filters: Filters; minConfidence: number; lines?: number },
): Promise<void> {
  await interruptible(async (signal) => {
    const { reporterFor } = await import('./reporter.js');
    const report = reporterFor(global);
    let served = true;
    let engine: Engine | undefined;
    const bar = report.progress('Answering', 'questions');
    try {
      for (const [i, question] of questions.entries()) {
        bar.update(i, questions.length);
        const remote: Awaited<ReturnType<AskServer>> = served ? await askServer(question) : undefined;
        if (remote && i === 0) report.detail(`answered by kabar serve at ${remote.url}`);
        served = remote !== undefined;
        if (signal.aborted) break;
        if (remote) {
          process.stdout.write(jsonLine(remote.value));
          continue;
        }
        engine ??= await engineFrom(global, { signal });
        const answer = await collectAnswer(engine.ask(question, { ...options, signal }));
        process.stdout.write(jsonLine(answerJson(answer)));
      }
      bar.update(questions.length, questions.length);
    } finally {
      bar.stop();
    }
  });
}
