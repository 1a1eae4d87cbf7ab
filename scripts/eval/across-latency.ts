/**
 * How long a list, timeline or brief takes once the index is open: opens the engine over a corpus (the
 * seeds by default), asks each question once to warm up, then `rounds` times, and prints the median and
 * the slowest time per question, in milliseconds, as JSON:
 *
 *   node --import tsx scripts/eval/across-latency.ts [CORPUS] [INDEX] [ROUNDS]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectAnswer, loadConfig, openEngineFromConfig } from '../../src/core/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [corpus = path.join(ROOT, 'seeds'), index = path.join(ROOT, '.kabar'), rounds = '20'] = process.argv.slice(2);
const QUESTIONS = [
  'What happened between Iran and Russia in 2020?',
  'Kronologi pertemuan Iran dan Rusia',
  'Ringkas berita tentang kerja sama militer Iran dan Rusia',
  'Summarize the news about Iran and Russia',
  'Siapa saja yang bertemu Lavrov?',
];

const engine = await openEngineFromConfig(loadConfig(process.env, { corpus, index }));
try {
  const report: Record<string, { kind: string; p50: number; max: number }> = {};
  for (const question of QUESTIONS) {
    await collectAnswer(engine.ask(question));
    const times: number[] = [];
    let kind = '';
    for (let i = 0; i < Number(rounds); i++) {
      const started = performance.now();
      kind = (await collectAnswer(engine.ask(question))).kind ?? 'answer';
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    report[question] = {
      kind,
      p50: Math.round(times[Math.floor((times.length - 1) / 2)]),
      max: Math.round(times.at(-1)!),
    };
  }
  console.log(JSON.stringify(report, null, 2));
} finally {
  await engine.close();
}
