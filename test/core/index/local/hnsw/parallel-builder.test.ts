import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HnswGraph } from '../../../../../src/core/index/local/hnsw/graph.js';
import { ParallelGraphBuilder } from '../../../../../src/core/index/local/hnsw/parallel-builder.js';

const vector = (i: number, dimensions: number) =>
  Array.from({ length: dimensions }, (_, d) => {
    const x = Math.sin(i * 12.9898 + d * 78.233) * 43758.5453;
    return x - Math.floor(x) - 0.5;
  });

test('a graph built on a worker thread is the graph built in place', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-hnsw-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dimensions = 16;
  const count = 1500;
  const builder = ParallelGraphBuilder.start(dimensions);
  const inPlace = HnswGraph.create(dimensions);
  for (let i = 0; i < count; i++) {
    await builder.add(i * 3, vector(i, dimensions));
    inPlace.add(i * 3, vector(i, dimensions));
  }
  const file = path.join(dir, 'built.hnsw');
  assert.equal(await builder.finish(file), count);
  const built = await HnswGraph.read(file, dimensions, count);
  assert.deepEqual([built.size, built.elements], [count, count]);
  for (const i of [0, 7, 500, 1499]) {
    const q = vector(i + 10_000, dimensions);
    assert.deepEqual(
      built.search(q, 10).map((h) => h.label),
      inPlace.search(q, 10).map((h) => h.label),
    );
  }
  assert.equal(built.search(vector(42, dimensions), 1)[0].label, 126);
});

test('a worker failure reaches the caller instead of hanging', async () => {
  const builder = ParallelGraphBuilder.start(4);
  for (let i = 0; i < 1000; i++) await builder.add(i, [1, 0, 0, i]);
  await assert.rejects(
    builder.finish(path.join(os.tmpdir(), 'no-such-folder', 'never-written.hnsw')),
    /ENOENT|no such file/,
  );
});
