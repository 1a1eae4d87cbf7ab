// One client of `scripts/store-load.ts`: opens kabar's engine on a store as `kabar ask` does, then
// asks the given questions in turn, over and over, until its time is up (or once each with 0 s).
// Prints one JSON line: each question's wall and CPU time, the errors met, and how long it asked.
import fs from 'node:fs';
import { loadConfig } from '../src/core/config/config.js';
import { openEngine } from '../src/core/engine.js';
import { collectAnswer } from '../src/core/answer/collect.js';
import { describeError } from '../src/core/errors.js';
import { postgresOpener } from '../src/core/index/postgres/open.js';
import { createHashingEmbedder } from '../src/providers/embeddings/hashing.js';

const [store, corpus, index, questionsFile, secondsText, offsetText] = process.argv.slice(2);
const questions = JSON.parse(fs.readFileSync(questionsFile, 'utf8')) as string[];
const seconds = Number(secondsText);
const config = loadConfig({}, { corpus, index, store });
const server = config.store.kind === 'postgres' ? config.store : undefined;
// As every reading command opens it: a local index is refreshed first; a server index is only read.
const engine = await openEngine({
  config,
  embedder: createHashingEmbedder(),
  openStore: server && postgresOpener(server, false),
  refresh: server ? false : undefined,
});
const wallMs: number[] = [];
const cpuMs: number[] = [];
const errors: string[] = [];
const began = performance.now();
const until = began + seconds * 1000;
for (
  let i = Number(offsetText ?? 0);
  seconds > 0 ? performance.now() < until : wallMs.length + errors.length < questions.length;
  i++
) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    await collectAnswer(engine.ask(questions[i % questions.length]));
    const used = process.cpuUsage(cpu);
    wallMs.push(performance.now() - started);
    cpuMs.push((used.user + used.system) / 1000);
  } catch (error) {
    errors.push(describeError(error));
  }
}
await engine.close();
console.log(JSON.stringify({ wallMs, cpuMs, errors, loopMs: performance.now() - began }));
