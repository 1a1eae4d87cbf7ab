import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../worker.js';
import type { BuilderMessage, BuilderReply } from './build-worker.js';
import type { GraphOptions } from './graph.js';
import { HNSW_PARAMS } from '../../../settings.js';

/** Vectors sent to the worker per message, and how many messages may wait before `add` waits. */
const BATCH = 256;
const IN_FLIGHT = 8;

/**
 * Builds a graph on a worker thread: hnswlib's inserts (most of a build's CPU) run on another core
 * while the caller cleans, analyses and embeds the next articles. `add` only waits when the worker
 * falls `IN_FLIGHT` batches behind, so memory stays bounded. `finish` writes the graph atomically to
 * a file; the graph is the same as one built with `HnswGraph.add` in the same order.
 */
export class ParallelGraphBuilder {
  private labels: number[] = [];
  private vectors: Float32Array;
  private readonly pending: { resolve: (reply: BuilderReply) => void }[] = [];
  private readonly inFlight: Promise<BuilderReply>[] = [];
  private failure: Error | null = null;
  private count = 0;

  private constructor(
    private readonly worker: Worker,
    readonly dimensions: number,
  ) {
    this.vectors = new Float32Array(BATCH * dimensions);
    worker.on('message', (reply: BuilderReply) => {
      if (reply.type === 'error') this.failure ??= new Error(reply.message);
      this.pending.shift()?.resolve(reply);
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      for (const waiting of this.pending.splice(0)) waiting.resolve({ type: 'error', message: error.message });
    });
  }

  static start(dimensions: number, options: GraphOptions = {}): ParallelGraphBuilder {
    const workerData = { dimensions, capacity: options.capacity, params: options.params ?? HNSW_PARAMS };
    return new ParallelGraphBuilder(startWorker(import.meta.url, 'build-worker', workerData), dimensions);
  }

  /** Vectors added so far. */
  get size(): number {
    return this.count;
  }

  async add(label: number, vector: ArrayLike<number>): Promise<void> {
    this.check();
    if (vector.length !== this.dimensions)
      throw new Error(`a ${vector.length}-dimensional vector cannot join a ${this.dimensions}-dimensional graph`);
    this.vectors.set(vector, this.labels.length * this.dimensions);
    this.labels.push(label);
    this.count++;
    if (this.labels.length === BATCH) await this.flush();
  }

  /**
   * Writes the finished graph to `file` atomically, stops the worker and returns how many elements
   * the file holds (load it with `HnswGraph.read` when it is needed in this thread).
   */
  async finish(file: string): Promise<number> {
    try {
      await this.flush();
      const reply = await this.send({ type: 'write', file });
      this.check();
      return reply.type === 'done' ? (reply.elements ?? 0) : 0;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stops the worker, discarding the graph (after an error or cancellation). */
  async cancel(): Promise<void> {
    await this.worker.terminate();
  }

  private async flush(): Promise<void> {
    if (this.labels.length === 0) return;
    const labels = Uint32Array.from(this.labels);
    const vectors = this.vectors.slice(0, this.labels.length * this.dimensions);
    this.labels = [];
    this.inFlight.push(this.send({ type: 'add', labels, vectors }, [labels.buffer, vectors.buffer]));
    while (this.inFlight.length > IN_FLIGHT) await this.inFlight.shift();
    this.check();
  }

  private send(message: BuilderMessage, transfer: ArrayBuffer[] = []): Promise<BuilderReply> {
    return new Promise((resolve) => {
      this.pending.push({ resolve });
      this.worker.postMessage(message, transfer);
    });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
