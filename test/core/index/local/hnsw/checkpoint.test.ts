import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  CheckpointMismatch,
  graphFile,
  openCheckpoint,
  removeOtherGenerations,
  saveCheckpoint,
} from '../../../../../src/core/index/local/hnsw/checkpoint.js';
import { HnswGraph } from '../../../../../src/core/index/local/hnsw/graph.js';
import { readGraphHeader } from '../../../../../src/core/index/local/hnsw/header.js';

/** A deterministic pseudo-random vector per label. */
const unit = (i: number, dimensions: number) =>
  Array.from({ length: dimensions }, (_, d) => {
    const x = Math.sin(i * 12.9898 + d * 78.233) * 43758.5453;
    return x - Math.floor(x) - 0.5;
  });

function graphOf(count: number, dimensions = 8): HnswGraph {
  const graph = HnswGraph.create(dimensions);
  for (let i = 0; i < count; i++) graph.add(i, unit(i, dimensions));
  return graph;
}

test('each save is a new generation; the recorded checkpoint opens its own file', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-hnsw-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const graph = graphOf(50);
  const first = await saveCheckpoint(graph, dir, null);
  assert.deepEqual({ ...first, bytes: 0 }, { generation: 1, elements: 50, deleted: 0, bytes: 0 });
  graph.remove(3);
  graph.add(100, unit(100, 8));
  graph.remove(4);
  const second = await saveCheckpoint(graph, dir, first);
  assert.deepEqual([second.generation, second.elements, second.deleted], [2, 50, 1]);

  // A crash before the store committed `second` leaves `first` usable.
  const old = await openCheckpoint(dir, first, 8);
  assert.equal(old.search(unit(3, 8), 1)[0].label, 3);
  const now = await openCheckpoint(dir, second, 8);
  assert.deepEqual([now.size, now.deleted], [49, 1]);
  assert.equal(now.search(unit(100, 8), 1)[0].label, 100);

  removeOtherGenerations(dir, second);
  assert.deepEqual(fs.readdirSync(dir), [path.basename(graphFile(dir, 2))]);
  await assert.rejects(openCheckpoint(dir, first, 8), CheckpointMismatch);
});

test('a file that disagrees with its checkpoint is reported as a mismatch, not loaded', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-hnsw-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const checkpoint = await saveCheckpoint(graphOf(40), dir, null);
  const file = graphFile(dir, checkpoint.generation);
  assert.deepEqual(readGraphHeader(file), { elements: 40, capacity: 1024, dimensions: 8, m: 16 });
  await assert.rejects(
    openCheckpoint(dir, checkpoint, 16),
    (e: unknown) => e instanceof CheckpointMismatch && /8-dimensional/.test(e.message),
  );
  await assert.rejects(openCheckpoint(dir, { ...checkpoint, elements: 41 }, 8), /41 were recorded/);
  fs.truncateSync(file, checkpoint.bytes - 100);
  await assert.rejects(openCheckpoint(dir, checkpoint, 8), /bytes/);
  fs.writeFileSync(file, 'not a graph');
  await assert.rejects(openCheckpoint(dir, checkpoint, 8), CheckpointMismatch);
});
