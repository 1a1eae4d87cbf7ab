/**
 * Kills `kabar index` with SIGKILL at random moments during full builds and incremental refreshes,
 * and checks after each kill that the index is usable and consistent: the database's counts agree
 * with its tables, every passage is exactly its article's text at its offsets, every passage is in
 * the inverted index, and the next command opens it without a rebuild.
 *
 *   node --import tsx scripts/crash-index.ts [--runs 20] [--corpus DIR] [--articles 300]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Kills a child with SIGKILL after `delay` ms and waits for it to end; a child that finished earlier is simply awaited. */
export async function killAfter(child: ChildProcess, delay: number): Promise<void> {
  const exited = new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
  );
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  await exited;
}

/** What is wrong with the store in `dir`, or an empty list. */
export function inconsistencies(dir: string): string[] {
  const db = new Database(path.join(dir, 'kabar.db'), { readonly: true });
  try {
    const problems: string[] = [];
    const meta = (key: string) =>
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    const passages = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    if (Number(meta('passages') ?? 0) !== passages)
      problems.push(`meta says ${meta('passages')} passages, table has ${passages}`);
    const orphans = db
      .prepare('SELECT count(*) FROM passages WHERE article NOT IN (SELECT id FROM articles)')
      .pluck()
      .get() as number;
    if (orphans) problems.push(`${orphans} passages without an article`);
    const slices = db
      .prepare('SELECT p.start, p.end, p.text, a.raw, a.file, p.n FROM passages p JOIN articles a ON a.id = p.article')
      .all() as { start: number; end: number; text: string; raw: string; file: string; n: number }[];
    for (const s of slices)
      if (s.raw.slice(s.start, s.end) !== s.text) problems.push(`${s.file}#${s.n} is not its article's text`);
    // The inverted index: every passage's distinct terms, exactly, with document frequencies that agree.
    const indexed = new Map<string, number[]>();
    for (const { term, data } of db
      .prepare('SELECT term, data FROM postings ORDER BY term, first')
      .iterate() as Iterable<{ term: string; data: Buffer }>) {
      const words = new Uint32Array(Uint8Array.from(data).buffer);
      const labels = indexed.get(term) ?? [];
      for (let i = 0; i < words.length; i += 2) labels.push(words[i]);
      indexed.set(term, labels);
    }
    const expected = new Map<string, number[]>();
    for (const p of db.prepare('SELECT id, terms FROM passages ORDER BY id').all() as { id: number; terms: string }[]) {
      for (const term of p.terms.split(' ').filter(Boolean)) expected.set(term, [...(expected.get(term) ?? []), p.id]);
    }
    const wrongPostings = [...new Set([...indexed.keys(), ...expected.keys()])].filter(
      (t) => (indexed.get(t) ?? []).join() !== (expected.get(t) ?? []).join(),
    );
    if (wrongPostings.length)
      problems.push(`${wrongPostings.length} terms whose postings are not their passages' (e.g. ${wrongPostings[0]})`);
    const df = new Map(
      db
        .prepare('SELECT term, df FROM terms')
        .all()
        .map((r) => [(r as { term: string }).term, (r as { df: number }).df]),
    );
    const badDf = [...new Set([...df.keys(), ...expected.keys()])].filter(
      (t) => df.get(t) !== expected.get(t)?.length,
    ).length;
    if (badDf) problems.push(`${badDf} terms with a wrong document frequency`);
    return problems;
  } finally {
    db.close();
  }
}

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const runs = Number(flag('runs', '20'));
  const source = flag('corpus', path.join(ROOT, '..', 'shared', 'bench', 'facqa', 'articles'));
  const take = Number(flag('articles', '300'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-crash-'));
  const corpus = path.join(tmp, 'corpus');
  const index = path.join(tmp, 'index');
  fs.mkdirSync(corpus);
  for (const file of fs
    .readdirSync(source)
    .filter((f) => /\.(txt|md)$/.test(f))
    .slice(0, take))
    fs.copyFileSync(path.join(source, file), path.join(corpus, file));
  // The word searched after each kill is there from the start: a search without a match exits 1.
  fs.appendFileSync(path.join(corpus, fs.readdirSync(corpus)[0]), '\nKalimat awal tentang Vladivostok.');
  const env = { ...process.env, KABAR_LLM: 'none', KABAR_EMBEDDINGS: 'hashing', NO_COLOR: '1' };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, '--corpus', corpus, '--index', index, ...args], { env, encoding: 'utf8' });
  const timed = Date.now();
  if (cli('index').status !== 0) throw new Error('the first build failed');
  const buildMs = Date.now() - timed;
  const files = fs.readdirSync(corpus);
  let failures = 0;
  for (let run = 1; run <= runs; run++) {
    const full = run % 2 === 1;
    if (!full) {
      for (let i = 0; i < 5; i++) {
        const file = path.join(corpus, files[Math.floor(Math.random() * files.length)]);
        fs.appendFileSync(file, `\nKalimat tambahan nomor ${run}-${i} tentang Vladivostok.`);
      }
    }
    const child = spawn(
      process.execPath,
      [CLI, '--corpus', corpus, '--index', index, 'index', ...(full ? ['--rebuild'] : [])],
      { env, stdio: 'ignore' },
    );
    const delay = Math.floor(Math.random() * (full ? buildMs : buildMs / 3));
    await killAfter(child, delay);
    const dir = fs
      .readdirSync(index)
      .map((d) => path.join(index, d))
      .find((d) => fs.statSync(d).isDirectory())!;
    const problems = inconsistencies(dir);
    const search = cli('search', '--json', 'Vladivostok');
    if (search.status !== 0) problems.push(`search exited ${search.status}: ${search.stderr.trim()}`);
    if (/Rebuilding|damaged/.test(search.stderr)) problems.push(`the next command rebuilt: ${search.stderr.trim()}`);
    if (problems.length) failures++;
    console.log(
      `${String(run).padStart(3)} ${full ? 'build  ' : 'refresh'} killed after ${String(delay).padStart(5)} ms: ${problems.length ? `FAIL ${problems.join('; ')}` : 'consistent'}`,
    );
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${runs - failures}/${runs} kills left a usable, consistent index.`);
  if (failures) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
