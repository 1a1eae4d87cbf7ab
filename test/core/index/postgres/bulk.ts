import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sql } from '../../../../src/core/index/postgres/database.js';
import type { Store } from '../../../../src/core/index/port.js';
import { MAX_ARTICLE_LOCKS } from '../../../../src/core/index/postgres/postgres-store.js';
import { articleInput, CONTRACT_DIMENSIONS, manifestFor } from '../contract.js';

/** A PostgreSQL index for one test: its store, its schema, and a connection to look at the server with. */
export type MakeIndex = () => Promise<{ store: Store; schema: string; sql: Sql; dispose: () => Promise<void> }>;

/** Whether the index's passages have their HNSW index (pgvector's `hnsw` access method). */
async function hasVectorIndex(sql: Sql, schema: string): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND tablename = 'passages' AND indexdef LIKE '%USING hnsw%'`,
    [schema],
  );
  return rows.length === 1;
}

/** `n` one-passage articles with distinct unit vectors, as a first build writes them. */
const articles = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => {
    const angle = (i / n) * Math.PI;
    return articleInput(`${tag}-${i}.txt`, [
      { text: `${tag} kata${i} berita`, vector: [Math.cos(angle), Math.sin(angle), 0.1, 0.1] },
    ]);
  });

/**
 * The bulk path: a first build (one writer alone on an empty index) and a rebuild write every row without the
 * HNSW index and build it once at the end; what they wrote is found by dense and lexical search, and an
 * ordinary refresh afterwards keeps the index.
 */
export function runBulkTests(label: string, make: MakeIndex): void {
  test(`${label}: a first build and a rebuild load in bulk and build the HNSW index after the load`, async () => {
    const { store, schema, sql, dispose } = await make();
    try {
      const first = articles(MAX_ARTICLE_LOCKS + 5, 'a');
      await store.write(
        async (tx) => {
          for (const article of first) await tx.upsert(article);
          // The same article twice in one load: the second replaces the first.
          await tx.upsert(articleInput('a-0.txt', [{ text: 'a kata0 diganti', vector: [1, 0, 0.1, 0.1] }]));
          await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
        },
        { articles: first.map((a) => a.meta.file) },
      );
      assert.ok(await hasVectorIndex(sql, schema), 'the HNSW index is there after the first build');
      assert.deepEqual(await store.counts(), { articles: first.length, passages: first.length });
      assert.equal((await store.passage('a-0.txt#0'))?.passage.text, 'a kata0 diganti');
      const [nearest] = await store.dense([Math.cos(0.5), Math.sin(0.5), 0.1, 0.1], 1);
      assert.equal(nearest.id, `a-${Math.round((0.5 / Math.PI) * first.length)}.txt#0`);
      const [lexical] = await store.lexical([{ term: 'kata7', weight: 1, fuzzy: 0 }], 1);
      assert.equal(lexical.id, 'a-7.txt#0');

      const again = articles(30, 'b');
      await store.write(
        async (tx) => {
          await tx.clear();
          for (const article of again) await tx.upsert(article);
          await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
        },
        { articles: again.map((a) => a.meta.file), clear: true },
      );
      assert.ok(await hasVectorIndex(sql, schema), 'and after a rebuild');
      assert.deepEqual(await store.counts(), { articles: 30, passages: 30 });
      assert.equal((await store.termStats(['kata7'])).documentFrequency('kata7'), 1);
      assert.equal((await store.dense([1, 0, 0.1, 0.1], 1))[0].id, 'b-0.txt#0');

      await store.write(async (tx) => tx.upsert(articles(1, 'c')[0]), { articles: ['c-0.txt'] });
      assert.ok(await hasVectorIndex(sql, schema), 'an ordinary refresh keeps it');
      assert.deepEqual(await store.counts(), { articles: 31, passages: 31 });
    } finally {
      await dispose();
    }
  });
}
