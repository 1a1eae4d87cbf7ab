import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BM25, DEFAULT_K, HNSW_PARAMS } from '../../src/core/settings.js';
import { Bm25Scorer, type PostingSource } from '../../src/core/index/local/bm25.js';
import { HnswGraph } from '../../src/core/index/local/hnsw/graph.js';
import { lexicalSql } from '../../src/core/index/postgres/lexical-sql.js';
import { SESSION_SETTINGS } from '../../src/core/index/postgres/database.js';
import { locateIndex } from '../../src/core/index/postgres/schema.js';
import { openPgliteDatabase } from './index/postgres/pglite-database.js';
import { CLI, runCli } from '../helpers.js';

// Each backend must read the one shared value of core/settings.ts: these fail when one carries its own.

test('the local BM25 scorer scores with the shared k1, b and d', () => {
  // One passage of length 4 holding the term twice, in a collection of 3 passages of average length 5.
  const source: PostingSource = {
    documentCount: 3,
    averageLength: 5,
    maxLabel: 1,
    df: () => 1,
    postings: () => [Uint32Array.from([1, (2 << 16) | 4])],
    similarTerms: { near: () => [] },
  };
  const [hit] = new Bm25Scorer().top(source, [{ term: 'x', weight: 1, fuzzy: 0 }], 1);
  const { k1, b, d } = BM25;
  const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
  assert.equal(hit.score, idf * (d + (2 * (k1 + 1)) / (2 + k1 * (1 - b + (b * 4) / 5))));
});

test('the PostgreSQL BM25 statement carries the shared k1, b, d and fuzzy weight', () => {
  const indexed = { near: () => [{ term: 'kata', distance: 1 }] };
  const { text, params } = lexicalSql('kabar_1', [{ term: 'katak', weight: 2, fuzzy: 0.2 }], 10, {}, indexed);
  const { k1, b, d, fuzzyWeight } = BM25;
  // k1 * (1 - b + b * length / avglen), with k1 * b / avglen worked out once per term as the slope.
  assert.ok(text.includes(`${k1 * b}::float8 / (tot.lengths::float8 / greatest(tot.passages, 1)) AS slope`), text);
  assert.ok(
    text.includes(
      `(${d}::float8 + po.tf * ${k1 + 1}::float8 / (po.tf + ${k1 * (1 - b)}::float8 + w.slope * po.length))`,
    ),
    text,
  );
  // The fuzzy variant's weight: the query term's, times fuzzyWeight · len / (len + distance).
  assert.deepEqual(params.slice(0, 2), [
    ['katak', 'kata'],
    [2, (2 * fuzzyWeight * 4) / 5],
  ]);
});

test('the local HNSW graph is built and searched with the shared parameters', () => {
  const graph = HnswGraph.create(4);
  assert.deepEqual(graph['params'], HNSW_PARAMS);
});

test("the PostgreSQL server's HNSW index and search breadth come from the shared parameters", async () => {
  assert.equal(SESSION_SETTINGS['hnsw.ef_search'], String(HNSW_PARAMS.efSearchServer));
  const db = await openPgliteDatabase();
  try {
    await locateIndex(db, { key: 'settings', dimensions: 4, create: true, command: 'kabar index' });
    const [index] = await db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE indexdef LIKE '%USING hnsw%'",
    );
    assert.match(
      index.indexdef,
      new RegExp(`m='?${HNSW_PARAMS.m}'?, ef_construction='?${HNSW_PARAMS.efConstruction}'?`),
    );
  } finally {
    await db.close();
  }
});

test('ask, search and eval retrieve DEFAULT_K passages unless told', () => {
  for (const command of ['ask', 'search', 'eval']) {
    const { stdout } = runCli([command, '--help']);
    assert.match(stdout, new RegExp(`-k, --k <n>[^\\n]*\\(default: ${DEFAULT_K}\\)`), `${CLI} ${command}`);
  }
});
