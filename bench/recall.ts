// Child process of `npm run bench`: HNSW recall@k of the built index's graph against exact search,
// at the ef the graph uses for queries. Prints one JSON line. By hand, a comma-separated list of search
// breadths as a fourth argument measures each of them on a kept index, with its search time:
//   node --import tsx bench/recall.ts INDEX QUERIES.json 10 1200,2400,4800
import fs from 'node:fs';
import path from 'node:path';
import { createHashingEmbedder } from '../src/providers/embeddings/hashing.js';
import { HnswGraph } from '../src/core/index/local/hnsw/graph.js';
import { readGraphHeader } from '../src/core/index/local/hnsw/header.js';
import { HNSW_PARAMS } from '../src/core/settings.js';

const [indexDir, queriesFile, kText] = process.argv.slice(2);
const k = Number(kText);
const breadths = (process.argv[5] ?? String(HNSW_PARAMS.efSearch)).split(',').map(Number);

/** The newest HNSW graph file under the index folder (the live one). */
function graphFileUnder(dir: string): string {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.hnsw') && !path.basename(f).startsWith('.'))
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`no .hnsw file under ${dir}`);
  return files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

const unit = (v: number[]) => {
  const norm = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / norm);
};

const file = graphFileUnder(indexDir);
const header = readGraphHeader(file);
const embedder = createHashingEmbedder({ dimensions: header.dimensions });
const texts = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
const queries = await Promise.all(texts.map(async (t) => unit(await embedder.embeddings.embedQuery(t))));
// Deleted elements stay marked in the file, so searches skip them whatever the live count given here.
const graph = await HnswGraph.read(file, header.dimensions, header.elements);

// Exact top-k per query: every live stored vector compared (the graph's exact search).
const exact = queries.map((query) =>
  graph.search(query, k, undefined, Infinity).map((hit) => ({ label: hit.label, score: hit.similarity })),
);

// A synthetic corpus recombines sentences, so passages with the same vector are common: a hit as similar as
// the k-th exact one is as good an answer as the label exact search happened to list (ann-benchmarks' rule).
const TIE = 1e-6;
for (const ef of breadths) {
  let found = 0;
  let foundOrTied = 0;
  let wanted = 0;
  const times: number[] = [];
  for (let q = 0; q < queries.length; q++) {
    const truth = new Set(exact[q].map((h) => h.label));
    const kth = exact[q][exact[q].length - 1]?.score ?? -Infinity;
    wanted += truth.size;
    const started = performance.now();
    const hits = graph.search(Array.from(queries[q]), k, undefined, ef);
    times.push(performance.now() - started);
    found += hits.filter((h) => truth.has(h.label)).length;
    foundOrTied += hits.filter((h) => truth.has(h.label) || h.similarity >= kth - TIE).length;
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      recall: found / wanted,
      recallWithTies: foundOrTied / wanted,
      k,
      ef: Math.max(ef, k),
      searchP50Ms: times[Math.floor(times.length / 2)],
      queries: queries.length,
      elements: header.elements,
      dimensions: header.dimensions,
      m: header.m,
    }),
  );
}
