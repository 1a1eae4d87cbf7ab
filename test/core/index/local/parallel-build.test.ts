import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Store } from '../../../../src/core/index/port.js';
import { DATABASE, openLocalStore } from '../../../../src/core/index/local/sqlite-store.js';
import { articleInput, manifestFor } from '../contract.js';

const DIMENSIONS = 16;

const vector = (i: number) =>
  Array.from({ length: DIMENSIONS }, (_, d) => {
    const x = Math.sin(i * 12.9898 + d * 78.233) * 43758.5453;
    return x - Math.floor(x) - 0.5;
  });

const article = (i: number, salt = 0) =>
  articleInput(`a${i}.txt`, [{ text: `Berita nomor ${i} versi ${salt}`, vector: vector(i + salt * 1000) }]);

const fill = (store: Store, from: number, to: number, { clear = false, salt = 0 } = {}) =>
  store.write(async (tx) => {
    if (clear) await tx.clear();
    for (let i = from; i < to; i++) await tx.upsert(article(i, salt));
    await tx.setManifest(manifestFor(DIMENSIONS));
  });

function tempStore(t: { after: (fn: () => void) => void }, parallelBuildFrom: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-parallel-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, open: () => openLocalStore(dir, { dimensions: DIMENSIONS, parallelBuildFrom }) };
}

const checkpoints = (dir: string) => {
  const db = new Database(path.join(dir, DATABASE), { readonly: true });
  try {
    return db.prepare('SELECT version, file, count FROM checkpoints ORDER BY version').all() as {
      version: number;
      file: string;
      count: number;
    }[];
  } finally {
    db.close();
  }
};

const graphFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.hnsw'))
    .sort();

const nearest = async (store: Store) =>
  Promise.all([3, 77, 150, 299].map(async (i) => (await store.dense(vector(i + 5000), 10)).map((h) => h.id)));

test('a first build into an empty store is built on a worker, recorded in the commit, and finds what the in-place build finds', async (t) => {
  const parallel = tempStore(t, 8);
  const inPlace = tempStore(t, Infinity);
  const [p, q] = [await parallel.open(), await inPlace.open()];
  await fill(p, 0, 300);
  await fill(q, 0, 300);
  assert.deepEqual(checkpoints(parallel.dir), [{ version: 1, file: 'vectors-1.hnsw', count: 300 }]);
  assert.deepEqual(graphFiles(parallel.dir), ['vectors-1.hnsw']);
  assert.deepEqual(await nearest(p), await nearest(q));
  assert.equal((await p.dense(vector(42), 1))[0].id, 'a42.txt#0');
  await p.close();
  await q.close();

  const reopened = await parallel.open();
  assert.equal((await reopened.dense(vector(42), 1))[0].id, 'a42.txt#0');
  // A small refresh afterwards goes through SQLite and the recorded graph as before.
  await reopened.write(async (tx) => {
    await tx.delete('a42.txt');
    await tx.upsert(article(1000));
  });
  assert.notEqual((await reopened.dense(vector(42), 1))[0].id, 'a42.txt#0');
  assert.equal((await reopened.dense(vector(1000), 1))[0].id, 'a1000.txt#0');
  await reopened.close();
});

test('a rebuild (clear) is built on a worker too; a write that replaces what it inserted falls back to the graph from SQLite', async (t) => {
  const { dir, open } = tempStore(t, 8);
  const store = await open();
  await fill(store, 0, 50);
  assert.equal((await store.dense(vector(7), 1))[0].id, 'a7.txt#0');
  await fill(store, 0, 60, { clear: true, salt: 1 });
  assert.equal(checkpoints(dir).at(-1)?.file, 'vectors-2.hnsw');
  assert.deepEqual(
    graphFiles(dir),
    checkpoints(dir).map((c) => c.file),
  );
  assert.equal(
    (await store.dense(vector(1007), 1))[0].id,
    'a7.txt#0',
    'the graph loaded before the rebuild is replaced by the rebuilt one',
  );
  assert.ok(
    (await store.dense(vector(7), 5)).every((h) => h.score < 0.999),
    'vectors of the cleared articles are gone',
  );

  await store.write(async (tx) => {
    await tx.clear();
    for (let i = 0; i < 20; i++) await tx.upsert(article(i, 2));
    await tx.upsert(article(3, 3)); // replaces a passage this write inserted
  });
  assert.equal((await store.dense(vector(3003), 1))[0].id, 'a3.txt#0');
  assert.ok(
    (await store.dense(vector(2003), 3)).every((h) => h.score < 0.999),
    'the replaced vector is not found',
  );
  assert.deepEqual((await store.counts()).passages, 20);
  await store.close();
});
