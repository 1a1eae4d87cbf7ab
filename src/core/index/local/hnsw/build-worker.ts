import { parentPort, workerData } from 'node:worker_threads';
import { HnswGraph } from './graph.js';
import type { HnswParams } from '../../../settings.js';

/** Messages from `ParallelGraphBuilder` to its worker. */
export type BuilderMessage =
  { type: 'add'; labels: Uint32Array; vectors: Float32Array } | { type: 'write'; file: string };

/** Replies: one per message, in order. */
export type BuilderReply = { type: 'done'; elements?: number } | { type: 'error'; message: string };

const { dimensions, capacity, params } = workerData as { dimensions: number; capacity?: number; params: HnswParams };
const graph = HnswGraph.create(dimensions, { capacity, params });
const port = parentPort!;

port.on('message', async (message: BuilderMessage) => {
  try {
    if (message.type === 'add') {
      const { labels, vectors } = message;
      for (let i = 0; i < labels.length; i++)
        graph.add(labels[i], vectors.subarray(i * dimensions, (i + 1) * dimensions));
      port.postMessage({ type: 'done' } satisfies BuilderReply);
    } else {
      await graph.write(message.file);
      port.postMessage({ type: 'done', elements: graph.elements } satisfies BuilderReply);
    }
  } catch (error) {
    port.postMessage({ type: 'error', message: (error as Error).message } satisfies BuilderReply);
  }
});
