// Child process of `npm run bench`: opens the engine on a built index in-process and times retrieval
// (`engine.search`, what `ask` and the chat run before answering). Prints one JSON line.
import fs from 'node:fs';
import { loadConfig } from '../src/core/config/config.js';
import { openEngine } from '../src/core/engine.js';
import { createHashingEmbedder } from '../src/providers/embeddings/hashing.js';
import { percentile } from './measure.js';

const [corpus, index, queriesFile] = process.argv.slice(2);
const questions = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
const WARM_UP = 5;

const opening = performance.now();
const engine = await openEngine({ config: loadConfig({}, { corpus, index }), embedder: createHashingEmbedder() });
const openMs = performance.now() - opening;
for (const q of questions.slice(0, WARM_UP)) await engine.search(q);
const wall: number[] = [];
const cpu: number[] = [];
for (const q of questions) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await engine.search(q);
  const used = process.cpuUsage(cpuBefore);
  wall.push(performance.now() - started);
  cpu.push((used.user + used.system) / 1000);
}
const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
console.log(JSON.stringify({ openMs, wall: stats(wall), cpu: stats(cpu), queries: wall.length }));
