// `npm run bench:serve -- [--corpus DIR] [--index DIR] [--questions FILE.jsonl] [--clients 1,8,32] [--seconds 10] [--max-requests 3000] [--warmup 10] [--cli-runs 10] [--soak SECONDS] [--json]`
// Starts the built `kabar serve` on 127.0.0.1 (offline embedder and answerer) and loads /v1/ask and
// /v1/chat/completions with 1, 8 and 32 clients, each phase bounded in time and in requests:
// p50/p95 latency, answers per second, errors and the server's RSS. `--soak S` then runs 8 clients on
// /v1/ask for S seconds while a writer changes an article every 15 s (so the index is refreshed while
// answering), and reports the server's RSS after the first refresh and at the end. `--cli-runs N`
// times N `kabar ask` processes that go through the server and N that answer by themselves (--no-server).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './measure.js';

const { values: flags } = parseArgs({
  options: {
    corpus: { type: 'string' },
    index: { type: 'string' },
    questions: { type: 'string', default: path.join(ROOT, 'eval', 'seeds.jsonl') },
    clients: { type: 'string', default: '1,8,32' },
    seconds: { type: 'string', default: '10' },
    'max-requests': { type: 'string', default: '3000' },
    soak: { type: 'string', default: '0' },
    'cli-runs': { type: 'string', default: '0' },
    warmup: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});

const CLI = path.join(ROOT, 'dist', 'cli.js');
/** How often the soak's writer changes an article. */
const WRITE_EVERY_MS = 15_000;
/** How often the server's memory is sampled during the soak. */
const SAMPLE_EVERY_MS = 5_000;
const log = (message: string) =>
  process.stderr.write(`[bench:serve ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** The corpus: the one given, or a copy of the seeds (the soak writes into the corpus, never into the repository). */
const corpus = flags.corpus ? path.resolve(flags.corpus) : path.join(os.tmpdir(), 'kabar-bench-serve-seeds', 'corpus');
if (!flags.corpus) fs.cpSync(path.join(ROOT, 'seeds'), corpus, { recursive: true });
const index = path.resolve(flags.index ?? path.join(path.dirname(corpus), 'index'));
const questions = fs
  .readFileSync(flags.questions, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { question: string }).question);
const limits = { ms: Number(flags.seconds) * 1000, requests: Number(flags['max-requests']) };

/** The server's resident memory now, from /proc (Linux). */
const rssOf = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/** Starts kabar serve and resolves with its URL and pid once it answers, and how long that took. */
async function startServer() {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, '--corpus', corpus, '--index', index, '-q', 'serve', '--port', '0', '--max-answers', '64'],
    {
      env: {
        ...process.env,
        KABAR_EMBEDDINGS: process.env.KABAR_EMBEDDINGS ?? 'hashing',
        KABAR_LLM: process.env.KABAR_LLM ?? 'none',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', () => {
      const m = / at (http:\/\/\S+); Ctrl\+C stops/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.on('close', (code) => reject(new Error(`kabar serve exited ${code}: ${stderr}`)));
  });
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', body: JSON.stringify({ question: questions[0] }) });
  if (res.status !== 200) throw new Error(`first answer failed: ${res.status} ${await res.text()}`);
  return {
    child,
    url,
    log: () => stderr,
    firstAnswerMs: performance.now() - started,
    stop: () => child.kill('SIGTERM'),
    exited: new Promise((r) => child.on('close', r)),
  };
}

type Endpoint = '/v1/ask' | '/v1/chat/completions';
const bodyFor = (endpoint: Endpoint, question: string) =>
  JSON.stringify(
    endpoint === '/v1/ask' ? { question } : { model: 'kabar', messages: [{ role: 'user', content: question }] },
  );

/** `clients` clients asking in turn until the time or request limit: latencies of answers, and errors. */
async function load(url: string, endpoint: Endpoint, clients: number, bound: { ms: number; requests: number }) {
  const latencies: number[] = [];
  let errors = 0;
  /** Each failure's status (or the network error's code), with how many times it came. */
  const failures: Record<string, number> = {};
  const failed = (kind: string) => {
    errors++;
    failures[kind] = (failures[kind] ?? 0) + 1;
  };
  let next = 0;
  const started = performance.now();
  const deadline = started + bound.ms;
  const client = async () => {
    while (performance.now() < deadline && next < bound.requests) {
      const question = questions[next++ % questions.length];
      const t = performance.now();
      try {
        const res = await fetch(`${url}${endpoint}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: bodyFor(endpoint, question),
        });
        await res.arrayBuffer();
        if (res.status === 200) latencies.push(performance.now() - t);
        else failed(String(res.status));
      } catch (error) {
        failed(((error as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? (error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    endpoint,
    clients,
    requests: latencies.length + errors,
    answers: latencies.length,
    errors,
    failures,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    perSecond: latencies.length / seconds,
  };
}

/**
 * 8 clients on /v1/ask for `seconds` while an article is rewritten every 15 s. The server's RSS is
 * sampled every 5 s (the peak holds two indexes while a refreshed one replaces the one serving) and
 * just before each write, when the previous refresh is usually done. Which generation of the index
 * is resident moves a single sample by ±15%, so growth compares the median of the first quarter of
 * those samples with the median of the last quarter.
 */
async function soak(url: string, pid: number, seconds: number) {
  const file = path.join(corpus, 'kabar-bench-soak.txt');
  let writes = 0;
  const quiet: number[] = [];
  const write = () =>
    fs.writeFileSync(
      file,
      `Banjir melanda Semarang pada hari ke-${++writes}. Air setinggi ${writes} meter merendam rumah warga di ${writes} kelurahan.\n`,
    );
  write();
  const writer = setInterval(() => {
    quiet.push(rssOf(pid));
    write();
  }, WRITE_EVERY_MS);
  const samples: { at: number; rss: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(
    () => samples.push({ at: (performance.now() - started) / 1000, rss: rssOf(pid) }),
    SAMPLE_EVERY_MS,
  );
  try {
    const result = await load(url, '/v1/ask', 8, { ms: seconds * 1000, requests: Number.MAX_SAFE_INTEGER });
    const quarter = Math.max(1, Math.floor(quiet.length / 4));
    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      );
    const base = median(quiet.slice(0, quarter));
    const last = median(quiet.slice(-quarter));
    const peak = Math.max(...samples.map((s) => s.rss));
    return {
      ...result,
      seconds,
      writes,
      rssQuiet: quiet,
      rssBase: base,
      rssLast: last,
      rssPeak: peak,
      growth: base ? last / base - 1 : NaN,
    };
  } finally {
    clearInterval(writer);
    clearInterval(sampler);
    fs.rmSync(file, { force: true });
  }
}

/** Median wall time of `runs` CLI `ask` processes, through the server or not; each must exit 0. */
function cliAsk(runs: number, through: boolean): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const args = [
      CLI,
      '--corpus',
      corpus,
      '--index',
      index,
      '-q',
      ...(through ? [] : ['--no-server']),
      'ask',
      '--json',
      questions[i % questions.length],
    ];
    const t = performance.now();
    const run = spawnSync(process.execPath, args, {
      env: {
        ...process.env,
        KABAR_EMBEDDINGS: process.env.KABAR_EMBEDDINGS ?? 'hashing',
        KABAR_LLM: process.env.KABAR_LLM ?? 'none',
      },
      encoding: 'utf8',
    });
    times.push(performance.now() - t);
    if (run.status !== 0) throw new Error(`kabar ask failed: ${run.stderr}`);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

const server = await startServer();
const pid = server.child.pid!;
log(
  `kabar serve at ${server.url}, first answer ${Math.round(server.firstAnswerMs)} ms after start; RSS ${mb(rssOf(pid))}`,
);
const rows = [];
try {
  // A warm-up, not reported: the first pass over the questions compiles the hot loops and reads the index's pages in.
  if (Number(flags.warmup) > 0)
    await load(server.url, '/v1/ask', 1, { ms: Number(flags.warmup) * 1000, requests: questions.length });
  for (const endpoint of ['/v1/ask', '/v1/chat/completions'] as const) {
    for (const clients of flags.clients.split(',').map(Number)) {
      const r = await load(server.url, endpoint, clients, limits);
      rows.push({ ...r, rss: rssOf(pid) });
      log(
        `${endpoint} ${clients} clients: ${r.answers} answers, ${r.errors} errors${r.errors ? ` ${JSON.stringify(r.failures)}` : ''}, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.perSecond.toFixed(1)}/s`,
      );
    }
  }
  const cliRuns = Number(flags['cli-runs']);
  const cli =
    cliRuns > 0
      ? { runs: cliRuns, throughServerMs: cliAsk(cliRuns, true), byItselfMs: cliAsk(cliRuns, false) }
      : undefined;
  if (cli)
    log(
      `kabar ask: median ${Math.round(cli.throughServerMs)} ms through the server, ${Math.round(cli.byItselfMs)} ms by itself`,
    );
  const soaked = Number(flags.soak) > 0 ? await soak(server.url, pid, Number(flags.soak)) : undefined;
  if (soaked) log(`soak: RSS before each write ${soaked.rssQuiet.map(mb).join(', ')}`);
  if (flags.json)
    process.stdout.write(
      `${JSON.stringify({ corpus, firstAnswerMs: server.firstAnswerMs, rows, cli, soak: soaked })}\n`,
    );
  else {
    process.stdout.write(
      `kabar serve on ${corpus}: first answer ${(server.firstAnswerMs / 1000).toFixed(2)} s after start\n\n`,
    );
    process.stdout.write(
      '| endpoint | clients | answers | errors | p50 | p95 | answers/s | RSS |\n|---|---|---|---|---|---|---|---|\n',
    );
    for (const r of rows)
      process.stdout.write(
        `| ${r.endpoint} | ${r.clients} | ${r.answers} | ${r.errors} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.perSecond.toFixed(1)} | ${mb(r.rss)} |\n`,
      );
    if (cli)
      process.stdout.write(
        `\nkabar ask --json, median of ${cli.runs} processes: ${(cli.throughServerMs / 1000).toFixed(2)} s through the server, ${(cli.byItselfMs / 1000).toFixed(2)} s by itself (--no-server)\n`,
      );
    if (soaked) {
      process.stdout.write(
        `\nSoak: ${soaked.seconds} s, 8 clients on /v1/ask, an article rewritten ${soaked.writes} times: ${soaked.answers} answers, ${soaked.errors} errors, ` +
          `p50 ${soaked.p50.toFixed(1)} ms, p95 ${soaked.p95.toFixed(1)} ms; RSS between refreshes (median of the first and of the last quarter) ${mb(soaked.rssBase)} -> ${mb(soaked.rssLast)} (${(soaked.growth * 100).toFixed(1)}%), peak ${mb(soaked.rssPeak)}` +
          `${soaked.errors ? `; failures ${JSON.stringify(soaked.failures)}` : ''}\n`,
      );
    }
  }
} finally {
  server.stop();
  await server.exited;
  // What the server logged besides its start: refreshes and failures.
  for (const line of server
    .log()
    .split('\n')
    .filter((l) => l.startsWith('kabar: ') && !/refreshed in/.test(l)))
    log(`server: ${line}`);
}
