// `node --import tsx bench/hnsw-study.ts [--passages N] [--seeds DIR] [--dims 256,512] [--m 8,16] [--ef-construction 50,100,200] [--ef 50,100,200]`
// The HNSW parameter study behind `src/core/settings.ts` (HNSW_PARAMS): for each dimension count, M and
// efConstruction, the CPU time of inserting N passage vectors (hashing embedder) and recall@10 against
// exact search at each query-time ef, with the search time.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { parseArticle } from '../src/core/corpus/article.js';
import { passageText } from '../src/core/index/refresh.js';
import { HashingEmbeddings } from '../src/providers/embeddings/hashing.js';
import { HnswGraph } from '../src/core/index/local/hnsw/graph.js';
import { DEFAULT_CHUNKING, HNSW_PARAMS } from '../src/core/settings.js';
import { percentile, ROOT } from './measure.js';
import { createRandom } from './random.js';
import { readSeedText } from './seed-text.js';
import { syntheticArticles } from './synthetic-corpus.js';

const { values: flags } = parseArgs({
  options: {
    passages: { type: 'string', default: '20000' },
    seeds: { type: 'string', default: path.join(ROOT, 'seeds') },
    dims: { type: 'string', default: '256,512' },
    m: { type: 'string', default: '8,16' },
    'ef-construction': { type: 'string', default: '50,100,200' },
    ef: { type: 'string', default: '50,100,200' },
    queries: { type: 'string', default: '200' },
  },
});
const list = (text: string) => text.split(',').map(Number);
const log = (message: string) => process.stderr.write(`[study] ${message}\n`);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// Passage texts, as kabar indexes them, and question-like queries from other passages.
const random = createRandom(1);
const texts: string[] = [];
for (const article of syntheticArticles(readSeedText(flags.seeds), Number(flags.passages), random)) {
  for (const passage of parseArticle(article.id, article.file, DEFAULT_CHUNKING).passages)
    texts.push(passageText(passage));
}
const queries: string[] = [];
while (queries.length < Number(flags.queries)) {
  const words = texts[random.int(texts.length)].split(/\s+/);
  if (words.length < 8) continue;
  const start = random.int(words.length - 8);
  queries.push(words.slice(start, start + 6 + random.int(3)).join(' '));
}
log(`${texts.length} passages, ${queries.length} queries`);

const maxDims = Math.max(...list(flags.dims));
const embedder = new HashingEmbeddings({ dimensions: maxDims });
let started = cpuMs();
const full = texts.map((t) => embedder.embedText(t));
const fullQueries = queries.map((q) => embedder.embedText(q));
log(`embedded at ${maxDims} dimensions in ${((cpuMs() - started) / 1000).toFixed(1)} s CPU`);

/** A hashing vector at fewer dimensions: feature hash mod d = (hash mod D) mod d when d divides D. */
function fold(vector: number[], dimensions: number): number[] {
  const out = new Array<number>(dimensions).fill(0);
  for (let i = 0; i < vector.length; i++) out[i % dimensions] += vector[i];
  const norm = Math.hypot(...out) || 1;
  return out.map((x) => x / norm);
}

console.log('| dims | M | efConstruction | insert CPU | per insert | ef | recall@10 | search p50 | search p95 |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const dims of list(flags.dims)) {
  const vectors = dims === maxDims ? full : full.map((v) => fold(v, dims));
  const qs = dims === maxDims ? fullQueries : fullQueries.map((v) => fold(v, dims));
  const exact = qs.map((q) => {
    const scored = vectors.map((v, label) => {
      let s = 0;
      for (let d = 0; d < dims; d++) s += v[d] * q[d];
      return { label, s };
    });
    return new Set(
      scored
        .sort((a, b) => b.s - a.s)
        .slice(0, 10)
        .map((h) => h.label),
    );
  });
  for (const m of list(flags.m)) {
    for (const efConstruction of list(flags['ef-construction'])) {
      const base = { ...HNSW_PARAMS, m, efConstruction };
      const graph = HnswGraph.create(dims, { params: base });
      started = cpuMs();
      vectors.forEach((v, label) => graph.add(label, v));
      const insert = cpuMs() - started;
      for (const efSearch of list(flags.ef)) {
        let found = 0;
        const times: number[] = [];
        qs.forEach((q, i) => {
          const t = performance.now();
          const hits = graph.search(q, 10, undefined, efSearch);
          times.push(performance.now() - t);
          found += hits.filter((h) => exact[i].has(h.label)).length;
        });
        console.log(
          `| ${dims} | ${m} | ${efConstruction} | ${(insert / 1000).toFixed(1)} s | ${((insert * 1000) / vectors.length).toFixed(0)} µs | ${efSearch} | ${(found / (qs.length * 10)).toFixed(3)} | ${percentile(times, 50).toFixed(2)} ms | ${percentile(times, 95).toFixed(2)} ms |`,
        );
      }
    }
  }
}
