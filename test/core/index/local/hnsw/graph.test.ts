import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HnswGraph } from '../../../../../src/core/index/local/hnsw/graph.js';
import { writeAtomically } from '../../../../../src/core/index/local/hnsw/atomic-file.js';

/** Deterministic pseudo-random unit vectors. */
function vectors(count: number, dimensions: number, seed = 1): number[][] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
  return Array.from({ length: count }, () => {
    const v = Array.from({ length: dimensions }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

function exactTop(
  all: number[][],
  query: number[],
  k: number,
  live: (label: number) => boolean = () => true,
): number[] {
  return all
    .map((v, label) => ({ label, s: dot(v, query) }))
    .filter((h) => live(h.label))
    .sort((a, b) => b.s - a.s)
    .slice(0, k)
    .map((h) => h.label);
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-hnsw-'));

test('capacity grows geometrically, and search at the configured ef matches exact search', () => {
  const data = vectors(3000, 32);
  const graph = HnswGraph.create(32);
  const capacities = new Set<number>();
  data.forEach((v, label) => {
    graph.add(label, v);
    capacities.add(graph.capacity);
  });
  assert.deepEqual([...capacities], [1024, 2048, 4096], 'doubling, never the exact size');
  assert.equal(graph.size, 3000);
  const queries = vectors(50, 32, 7);
  let found = 0;
  for (const q of queries) {
    const exact = new Set(exactTop(data, q, 10));
    found += graph.search(q, 10).filter((h) => exact.has(h.label)).length;
  }
  assert.ok(found / (queries.length * 10) >= 0.97, `recall@10 ${found / 500}`);
  const [best] = graph.search(data[42], 1);
  assert.equal(best.label, 42);
  assert.ok(Math.abs(best.similarity - 1) < 1e-5);
});

test('a removed label is never found and its slot is reused by the next insert', () => {
  const data = vectors(200, 16);
  const graph = HnswGraph.create(16);
  data.forEach((v, label) => graph.add(label, v));
  assert.equal(graph.remove(5), true);
  assert.equal(graph.remove(5), false, 'already removed');
  assert.equal(graph.remove(999), false, 'never added');
  assert.deepEqual([graph.size, graph.deleted, graph.elements], [199, 1, 200]);
  assert.ok(graph.search(data[5], 199).every((h) => h.label !== 5));
  graph.add(1000, data[5]);
  assert.deepEqual([graph.size, graph.deleted, graph.elements], [200, 0, 200], 'the deleted slot was reused');
  assert.equal(graph.search(data[5], 1)[0].label, 1000);
  assert.throws(() => graph.vector(5));
});

test('a label predicate restricts the search and still returns k accepted hits', () => {
  const data = vectors(1000, 16);
  const graph = HnswGraph.create(16);
  data.forEach((v, label) => graph.add(label, v));
  const even = (label: number) => label % 2 === 0;
  const hits = graph.search(data[1], 10, even);
  assert.equal(hits.length, 10);
  assert.ok(hits.every((h) => even(h.label)));
  const rare = (label: number) => label % 100 === 3;
  assert.deepEqual(
    graph
      .search(data[1], 50, rare)
      .map((h) => h.label)
      .sort((a, b) => a - b),
    exactTop(data, data[1], 10, rare).sort((a, b) => a - b),
  );
});

test('write is atomic and read restores the graph with its deleted count', async (t) => {
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const data = vectors(300, 16);
  const graph = HnswGraph.create(16);
  data.forEach((v, label) => graph.add(label, v));
  graph.remove(7);
  const file = path.join(dir, 'g.hnsw');
  await graph.write(file);
  assert.deepEqual(fs.readdirSync(dir), ['g.hnsw'], 'no temporary file left');
  const back = await HnswGraph.read(file, 16, 299);
  assert.deepEqual([back.size, back.deleted, back.elements], [299, 1, 300]);
  assert.deepEqual(back.search(data[3], 5), graph.search(data[3], 5));
  assert.ok(
    back.search(data[7], 299).every((h) => h.label !== 7),
    'deleted stays deleted',
  );
  back.add(500, data[7]);
  assert.equal(back.elements, 300, 'a read graph reuses deleted slots too');
  await assert.rejects(HnswGraph.read(file, 8, 299), /16-dimensional/);
  assert.throws(() => graph.add(900, [1, 2, 3]), /3-dimensional/);
});

test('a failed write leaves the previous file and no temporary file', async (t) => {
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'g.hnsw');
  await writeAtomically(file, (tmp) => fs.writeFileSync(tmp, 'old'));
  await assert.rejects(
    writeAtomically(file, (tmp) => {
      fs.writeFileSync(tmp, 'half of the new');
      throw new Error('disk full');
    }),
    /disk full/,
  );
  assert.equal(fs.readFileSync(file, 'utf8'), 'old');
  assert.deepEqual(fs.readdirSync(dir), ['g.hnsw']);
});

test('an ef of Infinity searches exactly: every live vector compared, deleted and refused labels left out', () => {
  const data = vectors(400, 16, 7);
  const graph = HnswGraph.create(16);
  data.forEach((v, label) => graph.add(label, v));
  const query = vectors(1, 16, 99)[0];
  const [first] = exactTop(data, query, 1);
  assert.deepEqual(
    graph.search(query, 10, undefined, Infinity).map((h) => h.label),
    exactTop(data, query, 10),
  );
  graph.remove(first);
  assert.deepEqual(
    graph.search(query, 10, undefined, Infinity).map((h) => h.label),
    exactTop(data, query, 10, (label) => label !== first),
  );
  const even = (label: number) => label % 2 === 0;
  const found = graph.search(query, 10, even, Infinity);
  assert.deepEqual(
    found.map((h) => h.label),
    exactTop(data, query, 10, (label) => label !== first && even(label)),
  );
  assert.ok(Math.abs(found[0].similarity - dot(data[found[0].label], query)) < 1e-5);
});
