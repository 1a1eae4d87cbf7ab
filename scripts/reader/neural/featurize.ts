/**
 * Builds the neural reader's training and development tensors with the runtime featurizer, so Python
 * never tokenizes, stems or looks words up itself.
 *
 *   node --import tsx scripts/reader/neural/featurize.ts <outDir> [benchDir]
 *
 * Each question is read over the passages kabar's own retrieval gives it (hashing embedder, default
 * settings: what `ask` reads), with the passages that hold its gold answer (or, for an unanswerable
 * IDK-MRC question, of the paragraph it nearly matches) added when retrieval missed them, so the model
 * learns to find the passage as well as the span. Writes, per set, flat little-endian arrays and an
 * index (see `writeSet`), and the featurizer's parity fixture into data/reader/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine } from '../../../src/core/engine.js';
import { DEFAULT_K } from '../../../src/core/settings.js';
import { loadQuestions, type EvalQuestion } from '../../../src/core/eval/dataset.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import type { Analyzer } from '../../../src/core/text/analyze.js';
import type { PassageRecord } from '../../../src/core/index/port.js';
import { featurize, readQuestionTokens } from '../../../src/core/answer/neural/featurize.js';
import { goldPositions, writeSet, type Row } from './tensors.js';
import { CACHE_DIR } from '../collect.js';
import { writeFeaturizerFixture } from './fixture.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Passages read per training question: its gold ones first, then retrieval's best others. */
const TRAIN_PASSAGES = 4;
/** Retrieval depth: the answerer reads this many hits. */
const DEPTH = 5;

interface SetSpec {
  name: string;
  corpus: string;
  questions: string;
  train: boolean;
}

const setsOf = (bench: string): SetSpec[] => [
  { name: 'facqa-train', corpus: `${bench}/facqa/articles`, questions: `${bench}/facqa/train.jsonl`, train: true },
  {
    name: 'idkmrc-train',
    corpus: `${bench}/idkmrc/train/articles`,
    questions: `${bench}/idkmrc/train/questions.jsonl`,
    train: true,
  },
  { name: 'facqa-dev', corpus: `${bench}/facqa/articles`, questions: `${bench}/facqa/dev.jsonl`, train: false },
  {
    name: 'idkmrc-dev',
    corpus: `${bench}/idkmrc/dev/articles`,
    questions: `${bench}/idkmrc/dev/questions.jsonl`,
    train: false,
  },
];

/** Every passage id of a file, in order (ids are `file#n`). */
async function passagesOfFile(
  store: { passages(ids: string[]): Promise<Map<string, PassageRecord>> },
  file: string,
): Promise<string[]> {
  const ids = Array.from({ length: 64 }, (_, n) => `${file}#${n}`);
  const found = await store.passages(ids);
  return ids.filter((id) => found.has(id));
}

async function buildSet(spec: SetSpec, log: (m: string) => void): Promise<{ rows: Row[]; questions: EvalQuestion[] }> {
  const indexDir = path.join(CACHE_DIR, spec.name);
  const config = loadConfig({}, { corpus: spec.corpus, index: indexDir });
  const engine = await openEngine({
    config,
    embedder: createHashingEmbedder(),
    createAnswerer: () => ({ name: 'none', answer: async function* () {} }),
  });
  const analyzer: Analyzer = engine.analyzer;
  const questions = loadQuestions(fs.readFileSync(spec.questions, 'utf8'), spec.questions).questions;
  const cacheFile = path.join(indexDir, 'hits.json');
  const cached: Record<string, { id: string; related: { id: string }[] }[]> = fs.existsSync(cacheFile)
    ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')).hits
    : {};
  const rows: Row[] = [];
  let skipped = 0;
  for (const [qi, question] of questions.entries()) {
    const known = cached[question.id];
    const hits =
      known ??
      (await engine.search(question.question, { k: DEFAULT_K, filters: question.filters })).hits.map((h) => ({
        id: h.passage.id,
        related: h.related,
      }));
    const retrieved = [...new Set(hits.slice(0, DEPTH).flatMap((h) => [h.id, ...h.related.map((r) => r.id)]))];
    const goldFiles = question.unanswerable ? [question.groups.paragraph].filter(Boolean) : question.sources;
    const extra = spec.train ? (await Promise.all(goldFiles.map((f) => passagesOfFile(engine.store, f)))).flat() : [];
    const ids = [...new Set([...retrieved, ...extra])];
    const records = await engine.store.passages(ids);
    const lang = analyseQuery(question.question, analyzer).lang;
    const asked = readQuestionTokens(question.question, lang, analyzer);
    let candidates = ids.flatMap((id) => {
      const r = records.get(id);
      if (!r) return [];
      const f = featurize(asked, { title: r.article.title, text: r.passage.text, lang: r.article.lang }, analyzer);
      const fromSource =
        !question.unanswerable && (question.sources.length === 0 || question.sources.includes(r.article.file));
      const gold = fromSource
        ? goldPositions(f, r.passage.text, r.passage.start, question.answers)
        : { starts: [], ends: [] };
      return [{ id, retrieved: retrieved.includes(id), near: goldFiles.includes(r.article.file), f, ...gold }];
    });
    if (spec.train) {
      const gold = candidates.filter((c) => c.starts.length > 0).slice(0, 2);
      if (!question.unanswerable && gold.length === 0) {
        skipped++;
        continue;
      }
      // An unanswerable question is read over the paragraph it nearly matches, first, and retrieval's best others.
      const near = question.unanswerable ? candidates.filter((c) => c.near).slice(0, 1) : [];
      const others = candidates.filter((c) => c.retrieved && !gold.includes(c) && !near.includes(c));
      candidates = [...gold, ...near, ...others].slice(0, TRAIN_PASSAGES);
    }
    for (const c of candidates) rows.push({ question: qi, f: c.f, starts: c.starts, ends: c.ends });
    if ((qi + 1) % 1000 === 0) log(`  ${spec.name}: ${qi + 1}/${questions.length}`);
  }
  log(
    `${spec.name}: ${questions.length} questions, ${rows.length} passages read, ${skipped} answerable questions left out (answer not found in a source passage)`,
  );
  await engine.close();
  return { rows, questions };
}

async function main() {
  const [outDir, benchArg] = process.argv.slice(2);
  if (!outDir) throw new Error('usage: featurize.ts <outDir> [benchDir]');
  const bench = path.resolve(benchArg ?? path.join(ROOT, '../shared/bench'));
  const only = process.env.SETS?.split(',');
  for (const spec of setsOf(bench).filter((s) => !only || only.includes(s.name))) {
    const started = Date.now();
    writeSet(outDir, spec.name, await buildSet(spec, console.log));
    console.log(`  ${spec.name} written in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  writeFeaturizerFixture(path.join(ROOT, 'data/reader/fixture-featurizer.json'));
}

await main();
