// `npm run bench -- [--passages N] [--format txt|jsonl] [--seeds DIR] [--dir DIR] [--corpus-only] [--keep] [--heap MB] [--json]`
// Generates a synthetic corpus, builds it with the built CLI, refreshes one article, and measures cold
// `ask`, in-process retrieval, HNSW recall@10 against exact search, peak memory and disk size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom, type Random } from './random.js';
import { diskSize, median, ROOT, runCli, runScript, type NodeRun } from './measure.js';
import { readSeedText } from './seed-text.js';
import { syntheticArticles, type SyntheticArticle } from './synthetic-corpus.js';
import { changeOneAddOneDeleteOne, writeCorpus, type CorpusFormat } from './write-corpus.js';

const { values: flags } = parseArgs({
  options: {
    passages: { type: 'string', default: '10000' },
    format: { type: 'string', default: 'txt' },
    seeds: { type: 'string', default: path.join(ROOT, 'seeds') },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    queries: { type: 'string', default: '100' },
    'cold-runs': { type: 'string', default: '3' },
    heap: { type: 'string' },
    'corpus-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const passages = Number(flags.passages);
const format = flags.format as CorpusFormat;
if (!Number.isInteger(passages) || passages < 100) throw new Error('--passages must be a whole number ≥ 100');
if (format !== 'txt' && format !== 'jsonl') throw new Error('--format must be txt or jsonl');
const work = path.resolve(flags.dir ?? path.join(os.tmpdir(), `kabar-bench-${passages}-${format}`));
const corpus = path.join(work, 'corpus');
const index = path.join(work, 'index');
const nodeOptions = flags.heap ? [`--max-old-space-size=${Number(flags.heap)}`] : [];
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const rows: [string, string][] = [];
const result: Record<string, unknown> = { passagesRequested: passages, format, seeds: flags.seeds };
const add = (key: string, label: string, value: number | string, shown: string) => {
  result[key] = value;
  rows.push([label, shown]);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const size = (bytes: number) =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
/** Wall time with the CPU time beside it: on a shared machine the two differ. */
const timed = (run: NodeRun) => `${seconds(run.ms)} (CPU ${seconds(run.cpuMs)})`;

/** Question-like queries: a run of words from a sentence of a sampled article. */
function queriesFrom(sample: SyntheticArticle[], count: number, random: Random): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const sentences = random.pick(sample).text.split(/(?<=[.!?])\s+/);
    const words = random
      .pick(sentences)
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length < 6) continue;
    const length = Math.min(words.length, 6 + random.int(7));
    const start = random.int(words.length - length + 1);
    out.push(words.slice(start, start + length).join(' '));
  }
  return out;
}

function report(): void {
  if (flags.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`\n| ${result.passages ?? passages} passages (${format}) | |\n|---|---|`);
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
}

function failed(step: string, run: NodeRun): never {
  add(
    'failed',
    'failed at',
    step,
    `${step}: exit ${run.code}, ${seconds(run.ms)}, peak RSS ${size(run.rss)}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`,
  );
  report();
  process.exit(1);
}

// 1. The corpus.
log(`reading seeds from ${flags.seeds}`);
const seed = readSeedText(flags.seeds);
const random = createRandom(Number(flags.seed));
const sample: SyntheticArticle[] = [];
let generated = 0;
const generating = performance.now();
const written = writeCorpus(
  corpus,
  format,
  (function* () {
    for (const article of syntheticArticles(seed, passages, random)) {
      // Reservoir sample of articles to draw queries from.
      if (sample.length < 500) sample.push(article);
      else if (random.int(++generated) < 500) sample[random.int(500)] = article;
      yield article;
    }
  })(),
);
add('articles', 'articles', written.articles, written.articles.toLocaleString('en'));
add(
  'passagesGenerated',
  'passages (generator estimate)',
  Math.round(written.passages),
  Math.round(written.passages).toLocaleString('en'),
);
add('corpusBytes', 'corpus size', written.bytes, size(written.bytes));
log(
  `wrote ${written.articles} articles (~${Math.round(written.passages)} passages) to ${corpus} in ${seconds(performance.now() - generating)}`,
);
if (flags['corpus-only']) {
  report();
  process.exit(0);
}

// 2. Build with the built CLI.
const cli = (args: string[]) => runCli(['--corpus', corpus, '--index', index, ...args], nodeOptions);
fs.rmSync(index, { recursive: true, force: true });
log('building the index (kabar index)');
const build = await cli(['index', '--json']);
if (build.code !== 0) failed('build', build);
const indexed = (JSON.parse(build.stdout) as { passages: number }).passages;
result.passages = indexed;
add('buildMs', `build (kabar index, ${indexed.toLocaleString('en')} passages indexed)`, build.ms, timed(build));
result.buildCpuMs = build.cpuMs;
const rate = (ms: number) => Math.round(indexed / (ms / 1000)).toLocaleString('en');
add(
  'buildRate',
  'build rate',
  Math.round(indexed / (build.ms / 1000)),
  `${rate(build.ms)} passages/s (per CPU second: ${rate(build.cpuMs)})`,
);
add('buildRss', 'build peak RSS', build.rss, size(build.rss));
add('diskBytes', 'index on disk', diskSize(index), size(diskSize(index)));

// 3. Refresh: one article changed, one added, one deleted.
const extra = syntheticArticles(seed, 1, createRandom(Number(flags.seed) + 1)).next().value as SyntheticArticle;
await changeOneAddOneDeleteOne(corpus, format, { ...extra, id: 'a9999999' }, written.articles);
log('refreshing one changed, one added and one deleted article');
const refresh = await cli(['index', '--json']);
if (refresh.code !== 0) failed('refresh', refresh);
const refreshWork = (JSON.parse(refresh.stdout) as { ms: number }).ms;
add(
  'refreshMs',
  'refresh 1 changed + 1 added + 1 deleted (process; of which the refresh itself)',
  refresh.ms,
  `${timed(refresh)}; ${seconds(refreshWork)}; peak RSS ${size(refresh.rss)}`,
);
result.refreshWorkMs = refreshWork;
const noChange = await cli(['index', '--json']);
if (noChange.code !== 0) failed('no-change refresh', noChange);
const noChangeWork = (JSON.parse(noChange.stdout) as { ms: number }).ms;
add(
  'noChangeMs',
  'refresh with nothing changed (process; of which the refresh itself)',
  noChange.ms,
  `${timed(noChange)}; ${seconds(noChangeWork)}`,
);
result.noChangeWorkMs = noChangeWork;

// 4. Cold ask: process start to answer.
const queries = queriesFrom(sample, Number(flags.queries), random);
const asks: NodeRun[] = [];
for (let i = 0; i < Number(flags['cold-runs']); i++) {
  log(`cold ask ${i + 1}`);
  const run = await cli(['ask', queries[i]]);
  if (run.code !== 0 && run.code !== 1) failed('ask', run);
  asks.push(run);
}
const askMs = median(asks.map((r) => r.ms));
const askRss = Math.max(...asks.map((r) => r.rss));
add(
  'coldAskMs',
  `cold \`ask\` (process start to answer, median of ${asks.length})`,
  askMs,
  `${seconds(askMs)} (CPU ${seconds(median(asks.map((r) => r.cpuMs)))}), peak RSS ${size(askRss)}`,
);
result.coldAskRss = askRss;

// 5. In-process retrieval, and HNSW recall against exact search.
const queriesFile = path.join(work, 'queries.json');
fs.writeFileSync(queriesFile, JSON.stringify(queries));
log(`in-process retrieval, ${queries.length} queries`);
const retrieval = await runScript('retrieval.ts', [corpus, index, queriesFile], nodeOptions);
if (retrieval.code !== 0) failed('retrieval', retrieval);
const r = JSON.parse(retrieval.stdout) as {
  openMs: number;
  wall: { p50: number; p95: number };
  cpu: { p50: number; p95: number };
};
add('openMs', 'opening the index in-process', r.openMs, seconds(r.openMs));
const ms = (x: number) => `${x.toFixed(1)} ms`;
add(
  'searchP50Ms',
  'retrieval p50 / p95 in-process, wall (CPU)',
  r.wall.p50,
  `${ms(r.wall.p50)} / ${ms(r.wall.p95)} (${ms(r.cpu.p50)} / ${ms(r.cpu.p95)})`,
);
Object.assign(result, { searchP95Ms: r.wall.p95, searchCpuP50Ms: r.cpu.p50, searchCpuP95Ms: r.cpu.p95 });
log('HNSW recall@10 against exact search');
const recallRun = await runScript('recall.ts', [index, queriesFile, '10'], nodeOptions);
if (recallRun.code !== 0) failed('recall', recallRun);
const recall = JSON.parse(recallRun.stdout) as {
  recall: number;
  recallWithTies: number;
  ef: number;
  m: number;
  dimensions: number;
};
add(
  'recall10',
  `HNSW recall@10 vs exact (ef ${recall.ef}, M ${recall.m}, ${recall.dimensions}-d; counting hits tied with the 10th)`,
  recall.recall,
  `${recall.recall.toFixed(3)} (${recall.recallWithTies.toFixed(3)})`,
);
result.recall10WithTies = recall.recallWithTies;

report();
if (!flags.keep) fs.rmSync(work, { recursive: true, force: true });
