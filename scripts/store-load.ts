// Ingest rate, query latency and a load test of one store, local or PostgreSQL (not a test: a measurement).
//
//   node --import tsx scripts/store-load.ts --store local|postgres://USER:PASSWORD@HOST:PORT/DB
//        [--corpus DIR | --passages N [--seeds DIR]] [--work DIR] [--clients 8] [--seconds 60]
//        [--questions 200] [--questions-from FILE.jsonl] [--no-writer] [--no-build] [--json]
//
// 1. Builds the index of the corpus from scratch with the built CLI (`kabar index --rebuild`): ingest rate.
// 2. One client asks every question once, one after another (as `kabar ask` does, in-process): p50/p95.
//    The questions are runs of words from the corpus's sentences, or the first `--questions` of a question
//    set (`--questions-from`, JSON Lines with a `question` field, e.g. FacQA dev over a corpus made from its articles).
// 3. `--clients` processes ask for `--seconds` at once while a writer keeps changing one article and
//    refreshing the index: p50/p95, throughput, and every error met by a client or the writer (0 clients: not run).
// The corpus is `--corpus`, or `--passages` of synthetic articles recombined from `--seeds` (as `npm run bench`).
// Run it under the shared lock for figures worth comparing (`flock /work/heavy.lock …` on a shared machine);
// `scripts/postgres-test-server.sh` can provide a server (its URL is in KABAR_TEST_PG_URL; `--store test` uses it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withoutPassword } from '../src/core/config/config.js';
import { diskSize, percentile, ROOT, runCli, type NodeRun } from '../bench/measure.js';
import { createRandom, type Random } from '../bench/random.js';
import { readSeedText } from '../bench/seed-text.js';
import { syntheticArticles } from '../bench/synthetic-corpus.js';
import { writeCorpus } from '../bench/write-corpus.js';

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'local' },
    corpus: { type: 'string' },
    passages: { type: 'string', default: '10000' },
    seeds: { type: 'string', default: path.join(ROOT, 'seeds') },
    work: { type: 'string' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '60' },
    questions: { type: 'string', default: '200' },
    'questions-from': { type: 'string' },
    'no-writer': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const store = flags.store === 'test' ? process.env.KABAR_TEST_PG_URL : flags.store;
if (!store) throw new Error('--store test needs KABAR_TEST_PG_URL (run under scripts/postgres-test-server.sh)');
const shownStore = store === 'local' ? 'local' : withoutPassword(store);
const clients = Number(flags.clients);
const seconds = Number(flags.seconds);
const work = path.resolve(flags.work ?? path.join(os.tmpdir(), `kabar-load-${process.pid}`));
const index = path.join(work, 'index');
const log = (message: string) => process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const random = createRandom(1);

const result: Record<string, unknown> = { store: shownStore };
const rows: [string, string][] = [];
const add = (key: string, label: string, value: unknown, shown: string) => {
  result[key] = value;
  rows.push([label, shown]);
};
const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

// The corpus: given, or generated.
let corpus = flags.corpus ? path.resolve(flags.corpus) : path.join(work, 'corpus');
if (!flags.corpus) {
  log(`generating ${flags.passages} passages of articles from ${flags.seeds}`);
  const written = writeCorpus(
    corpus,
    'txt',
    syntheticArticles(readSeedText(flags.seeds), Number(flags.passages), random),
  );
  log(`wrote ${written.articles} articles`);
}
corpus = fs.realpathSync(corpus);
const files = (fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .sort();
const kabar = (args: string[]): Promise<NodeRun> =>
  runCli(['--store', store, '--corpus', corpus, '--index', index, ...args]);

/** Question-like queries: a run of words from a sentence of a randomly chosen article. */
function questionsFrom(count: number, pick: Random): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const text = fs.readFileSync(path.join(corpus, pick.pick(files)), 'utf8');
    const words = pick
      .pick(text.split(/(?<=[.!?])\s+/))
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length < 6) continue;
    const length = Math.min(words.length, 6 + pick.int(7));
    const start = pick.int(words.length - length + 1);
    out.push(words.slice(start, start + length).join(' '));
  }
  return out;
}

interface ClientRun {
  wallMs: number[];
  cpuMs: number[];
  errors: string[];
  /** How long the client asked (after opening the engine). */
  loopMs: number;
}

/** Runs one client process (`scripts/load-client.ts`) and returns what it measured. */
function client(questionsFile: string, duration: number, offset: number): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'scripts', 'load-client.ts'),
        store!,
        corpus,
        index,
        questionsFile,
        String(duration),
        String(offset),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ClientRun);
      } catch {
        reject(new Error(`a client exited with ${code}: ${stderr.trim()}`));
      }
    });
  });
}

const latency = (runs: ClientRun[]) => {
  const wall = runs.flatMap((r) => r.wallMs);
  const cpu = runs.flatMap((r) => r.cpuMs);
  return {
    count: wall.length,
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    errors: runs.flatMap((r) => r.errors),
  };
};

// 1. Ingest.
if (!flags['no-build']) {
  log(`building the index on ${shownStore} (kabar index --rebuild)`);
  const build = await kabar(['index', '--rebuild', '--json']);
  if (build.code !== 0) throw new Error(`kabar index failed (exit ${build.code}): ${build.stderr.trim()}`);
  const report = JSON.parse(build.stdout) as { articles: number; passages: number; ms: number };
  add(
    'passages',
    'passages indexed',
    report.passages,
    `${report.passages.toLocaleString('en')} (${report.articles.toLocaleString('en')} articles)`,
  );
  add('buildMs', 'build (kabar index --rebuild), wall (client CPU)', build.ms, `${s(build.ms)} (${s(build.cpuMs)})`);
  add(
    'ingestRate',
    'ingest rate',
    Math.round(report.passages / (build.ms / 1000)),
    `${Math.round(report.passages / (build.ms / 1000)).toLocaleString('en')} passages/s`,
  );
  if (store === 'local')
    add('diskBytes', 'index on disk', diskSize(index), `${Math.round(diskSize(index) / 2 ** 20)} MB`);
}

// 2. One client, every question once.
const questionsFile = path.join(work, 'questions.json');
fs.mkdirSync(work, { recursive: true });
const asked = flags['questions-from']
  ? fs
      .readFileSync(flags['questions-from'], 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, Number(flags.questions))
      .map((line) => (JSON.parse(line) as { question: string }).question)
  : questionsFrom(Number(flags.questions), random);
fs.writeFileSync(questionsFile, JSON.stringify(asked));
log(`one client asking ${asked.length} questions`);
const single = latency([await client(questionsFile, 0, 0)]);
add(
  'singleP50Ms',
  'one client: ask p50 / p95, wall (CPU)',
  single.p50,
  `${ms(single.p50)} / ${ms(single.p95)} (${ms(single.cpuP50)} / ${ms(single.cpuP95)})`,
);
result.singleP95Ms = single.p95;
if (single.errors.length)
  add('singleErrors', 'one client: errors', single.errors, single.errors.slice(0, 3).join(' / '));

if (clients > 0) {
  // 3. Load: the clients at once, and a writer refreshing the index meanwhile.
  log(`${clients} clients asking for ${seconds} s${flags['no-writer'] ? '' : ' while a writer refreshes'}`);
  const running = Promise.all(Array.from({ length: clients }, (_, i) => client(questionsFile, seconds, i * 17)));
  const refreshes: NodeRun[] = [];
  let done = false;
  void running.finally(() => (done = true));
  if (!flags['no-writer']) {
    const changed = path.join(corpus, files[0]);
    const original = fs.readFileSync(changed);
    try {
      for (let n = 1; !done; n++) {
        fs.appendFileSync(changed, `\nKalimat tambahan nomor ${n} untuk uji beban.\n`);
        refreshes.push(await kabar(['index', '--json']));
      }
    } finally {
      fs.writeFileSync(changed, original);
    }
  }
  const runs = await running;
  const elapsed = Math.max(...runs.map((r) => r.loopMs)) / 1000;
  const load = latency(runs);
  add(
    'loadP50Ms',
    `${clients} clients: ask p50 / p95, wall (CPU)`,
    load.p50,
    `${ms(load.p50)} / ${ms(load.p95)} (${ms(load.cpuP50)} / ${ms(load.cpuP95)})`,
  );
  result.loadP95Ms = load.p95;
  add(
    'throughput',
    `${clients} clients: questions answered per second`,
    load.count / elapsed,
    `${(load.count / elapsed).toFixed(1)} (${load.count} in ${elapsed.toFixed(0)} s)`,
  );
  add(
    'loadErrors',
    `${clients} clients: errors`,
    load.errors,
    load.errors.length ? `${load.errors.length}: ${[...new Set(load.errors)].slice(0, 3).join(' / ')}` : '0',
  );
  if (!flags['no-writer']) {
    const failed = refreshes.filter((r) => r.code !== 0);
    const refreshMs = refreshes.map((r) => r.ms);
    add(
      'refreshes',
      'writer: refreshes of one changed article (median wall)',
      refreshes.length,
      `${refreshes.length} (${s(percentile(refreshMs, 50))})`,
    );
    add(
      'refreshErrors',
      'writer: failed refreshes',
      failed.map((r) => r.stderr.trim()),
      failed.length ? `${failed.length}: ${failed[0].stderr.trim()}` : '0',
    );
  }
}

if (flags.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`\n| ${shownStore} | |\n|---|---|`);
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
}
if (!flags.work) fs.rmSync(work, { recursive: true, force: true });
