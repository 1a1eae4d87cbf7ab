// `npm run bench:quality -- [--sets facqa,idkmrc] [--sizes 0,10000,100000,all] [--corpora DIR] [--bench DIR] [--dir DIR] [--keep] [--search hnsw,exact] [--json]`
// Answer quality as the corpus grows: each question set is asked over its own articles plus a growing
// number of distractor passages of real news and other text (../shared/corpora), never its gold articles.
// Prints R@1, R@5, hit and false abstention at each size, with the HNSW graph as kabar searches it and
// with exact vector search (every stored vector compared with the question's). A size beyond the
// corpora (about 175k passages; "all" is all of them, once) is reached with recombined documents: each
// pass over the corpora again, every document's paragraphs interleaved with those of another document of
// its language, so no document is written twice. With --keep, the
// corpus and index an earlier run left in --dir are reused (the same seed writes the same files), so
// another retrieval setting can be measured at the largest size without indexing it again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/core/config/config.js';
import { parseArticle } from '../src/core/corpus/article.js';
import { openEngineFromConfig } from '../src/core/open.js';
import { collectAnswer } from '../src/core/answer/collect.js';
import { collectOutcomes, computeMetrics, loadQuestions } from '../src/core/evaluation.js';
import { DEFAULT_CHUNKING, HNSW_PARAMS } from '../src/core/settings.js';
import { createRandom } from './random.js';
import { ROOT } from './measure.js';

const { values: flags } = parseArgs({
  options: {
    sets: { type: 'string', default: 'facqa,idkmrc' },
    sizes: { type: 'string', default: '0,10000,100000,all' },
    corpora: { type: 'string', default: path.join(ROOT, '..', 'shared', 'corpora') },
    bench: { type: 'string', default: path.join(ROOT, '..', 'shared', 'bench') },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'kabar-bench-quality') },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    search: { type: 'string', default: 'hnsw,exact' },
    json: { type: 'boolean', default: false },
  },
});

/** Where each question set's articles and questions are under the bench folder. */
const SETS: Record<string, { articles: string; questions: string }> = {
  facqa: { articles: 'facqa/articles', questions: 'facqa/dev.jsonl' },
  idkmrc: { articles: 'idkmrc/dev/articles', questions: 'idkmrc/dev/questions.jsonl' },
};
const K = 10;
/** Distractor files per sub-folder. */
const PER_FOLDER = 1000;

const log = (message: string) =>
  process.stderr.write(`[quality ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const sets = flags.sets.split(',');
for (const set of sets) if (!SETS[set]) throw new Error(`--sets: unknown set ${set} (known: ${Object.keys(SETS)})`);
const sizes = flags.sizes.split(',').map((s) => (s === 'all' ? Infinity : Number(s)));
const searches = flags.search.split(',') as ('hnsw' | 'exact')[];
if (searches.some((s) => s !== 'hnsw' && s !== 'exact')) throw new Error('--search takes hnsw, exact or both');
if (sizes.some((s) => !(s >= 0))) throw new Error('--sizes takes whole numbers or "all", e.g. 0,10000,100000,all');

interface Distractor {
  title: string;
  text: string;
  lang: string;
}

/** Every document of the corpora, in a fixed shuffled order, so that each size's distractors hold the smaller ones'. */
function readCorpora(dir: string): Distractor[] {
  const docs: Distractor[] = [];
  for (const lang of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, lang);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const file of fs.readdirSync(sub).sort()) {
      if (!file.endsWith('.jsonl.gz')) continue;
      const lines = zlib
        .gunzipSync(fs.readFileSync(path.join(sub, file)))
        .toString('utf8')
        .split('\n');
      for (const line of lines) {
        if (!line.trim()) continue;
        const { title, text } = JSON.parse(line) as { title?: string; text: string };
        docs.push({ title: title ?? '', text, lang });
      }
    }
  }
  const random = createRandom(Number(flags.seed));
  for (let i = docs.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [docs[i], docs[j]] = [docs[j], docs[i]];
  }
  return docs;
}

/** Each language's documents (indexes into the shuffled list), and each document's place among them. */
interface Languages {
  docs: Map<string, number[]>;
  place: number[];
}

function languagesOf(docs: Distractor[]): Languages {
  const languages: Languages = { docs: new Map(), place: [] };
  docs.forEach((doc, i) => {
    const same = languages.docs.get(doc.lang) ?? [];
    languages.docs.set(doc.lang, same);
    languages.place.push(same.length);
    same.push(i);
  });
  return languages;
}

/** Recombining passes over the corpora at most (about 175k passages each). */
const MAX_PASSES = 12;

/**
 * The n-th distractor: the corpora's documents in order, then for each further pass every document with
 * the paragraphs of a partner of its language (the pass-th next one of that language) interleaved.
 */
function distractorAt(docs: Distractor[], languages: Languages, n: number): Distractor | undefined {
  const pass = Math.floor(n / docs.length);
  const doc = docs[n % docs.length];
  if (pass === 0) return doc;
  if (pass >= MAX_PASSES) return undefined;
  const same = languages.docs.get(doc.lang) as number[];
  const partner = docs[same[(languages.place[n % docs.length] + pass) % same.length]];
  const own = doc.text.split(/\n\s*\n/);
  const other = partner.text.split(/\n\s*\n/);
  const mixed: string[] = [];
  for (let i = 0; i < Math.max(own.length, other.length); i++) {
    if (i < own.length) mixed.push(own[i]);
    if (i < other.length) mixed.push(other[i]);
  }
  return { title: doc.title, text: mixed.join('\n\n'), lang: doc.lang };
}

/** Lines of the gold articles (a distractor holding one is left out: the corpora must not contain gold text). */
function goldLines(articles: string): Set<string> {
  const lines = new Set<string>();
  for (const file of fs.readdirSync(articles))
    for (const line of fs.readFileSync(path.join(articles, file), 'utf8').split('\n'))
      if (line.trim().length >= 40) lines.add(line.trim());
  return lines;
}

/**
 * Grows the corpus folder to `size` distractor passages (counted as kabar chunks them), appending to
 * what an earlier size wrote. Returns the passages written so far and where the next document is.
 */
function addDistractors(
  corpus: string,
  docs: Distractor[],
  languages: Languages,
  gold: Set<string>,
  state: { next: number; passages: number; files: number; skipped: number },
  size: number,
): void {
  const end = size === Infinity ? docs.length : Infinity;
  while (state.passages < size && state.next < end) {
    const doc = distractorAt(docs, languages, state.next++);
    if (!doc) break;
    if (doc.text.split('\n').some((line) => gold.has(line.trim()))) {
      state.skipped++;
      continue;
    }
    const raw = doc.title ? `${doc.title}\n\n${doc.text}\n` : `${doc.text}\n`;
    const name = `d${String(state.files).padStart(6, '0')}.txt`;
    const folder = path.join(corpus, 'distractors', String(Math.floor(state.files / PER_FOLDER)).padStart(3, '0'));
    if (state.files % PER_FOLDER === 0) fs.mkdirSync(folder, { recursive: true });
    // A file an earlier run wrote (--keep) is left as it is, so the index finds nothing changed.
    if (!fs.existsSync(path.join(folder, name))) fs.writeFileSync(path.join(folder, name), raw);
    state.passages += parseArticle(name, raw, DEFAULT_CHUNKING).passages.length;
    state.files++;
  }
}

interface Row {
  set: string;
  distractors: number;
  search: 'hnsw' | 'exact';
  recall1: number | null;
  recall5: number | null;
  hit: number | null;
  falseAbstention: number | null;
  seconds: number;
}

const rows: Row[] = [];
const docs = readCorpora(flags.corpora);
const languages = languagesOf(docs);
log(`${docs.length} documents in ${flags.corpora}`);
const graphBreadth = HNSW_PARAMS.efSearch;

for (const set of sets) {
  const articles = path.join(flags.bench, SETS[set].articles);
  const questionsFile = path.join(flags.bench, SETS[set].questions);
  const { questions } = loadQuestions(fs.readFileSync(questionsFile, 'utf8'), questionsFile);
  const work = path.join(flags.dir, set);
  const corpus = path.join(work, 'corpus');
  if (!flags.keep) fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(corpus, { recursive: true });
  for (const file of fs.readdirSync(articles))
    if (!fs.existsSync(path.join(corpus, file))) fs.copyFileSync(path.join(articles, file), path.join(corpus, file));
  const gold = goldLines(articles);
  const state = { next: 0, passages: 0, files: 0, skipped: 0 };
  for (const size of sizes) {
    addDistractors(corpus, docs, languages, gold, state, size);
    log(
      `${set}: ${state.passages} distractor passages in ${state.files} files (${state.skipped} left out as gold text)`,
    );
    const building = performance.now();
    const engine = await openEngineFromConfig(loadConfig({}, { corpus, index: path.join(work, 'index') }));
    log(`${set}: index ready in ${((performance.now() - building) / 1000).toFixed(0)} s`);
    for (const search of searches) {
      // Exact search: an infinite breadth compares the question with every stored vector (`HnswGraph.search`).
      HNSW_PARAMS.efSearch = search === 'exact' ? Infinity : graphBreadth;
      const started = performance.now();
      const outcomes = await collectOutcomes(
        questions,
        (q, { k }) => collectAnswer(engine.ask(q.question, { k, filters: q.filters ?? {} })),
        { k: K },
      );
      const metrics = computeMetrics(outcomes, K);
      const row: Row = {
        set,
        distractors: state.passages,
        search,
        recall1: metrics.retrieval['recall@1'],
        recall5: metrics.retrieval['recall@5'],
        hit: metrics.answers.hit,
        falseAbstention: metrics.abstention.falseRate,
        seconds: (performance.now() - started) / 1000,
      };
      rows.push(row);
      log(JSON.stringify(row));
    }
    HNSW_PARAMS.efSearch = graphBreadth;
    await engine.close();
  }
}

if (flags.json) console.log(JSON.stringify(rows));
else {
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  console.log('| set | distractor passages | search | R@1 | R@5 | hit | false abstention |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.set} | ${r.distractors} | ${r.search} | ${f(r.recall1)} | ${f(r.recall5)} | ${f(r.hit)} | ${f(r.falseAbstention)} |`,
    );
}
