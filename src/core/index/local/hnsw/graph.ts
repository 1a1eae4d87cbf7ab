import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { writeAtomically } from './atomic-file.js';
import { readGraphHeader } from './header.js';
import { HNSW_PARAMS, type HnswParams } from '../../../settings.js';

export interface GraphHit {
  label: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

export interface GraphOptions {
  params?: HnswParams;
  /** Elements expected, reserved up front (a build that knows its size skips the resizes). */
  capacity?: number;
}

/**
 * A cosine HNSW graph over hnswlib-node, addressed by integer labels chosen by the caller.
 * - Inserts call hnswlib's `addPoint` directly; capacity grows geometrically, never to the exact size.
 * - `remove` marks a label deleted (never found again); the next insert reuses a deleted slot, so a
 *   graph under steady refresh does not grow.
 * - Every search sets `ef` explicitly (hnswlib's default is 10, which loses recall silently).
 * - `write` replaces the file atomically (write beside, fsync, rename).
 */
export class HnswGraph {
  private constructor(
    private readonly index: HierarchicalNSW,
    readonly dimensions: number,
    private readonly params: HnswParams,
    private deletedCount: number,
  ) {}

  /** Every live stored vector in one array, read on the first exact search and dropped by any change. */
  private matrix: { labels: number[]; vectors: Float32Array } | undefined;

  static create(dimensions: number, options: GraphOptions = {}): HnswGraph {
    const params = options.params ?? HNSW_PARAMS;
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex({
      maxElements: Math.max(options.capacity ?? 0, params.initialCapacity),
      m: params.m,
      efConstruction: params.efConstruction,
      randomSeed: params.seed,
      allowReplaceDeleted: true,
    });
    return new HnswGraph(index, dimensions, params, 0);
  }

  /**
   * Reads a graph written by `write` (hnswlib loads it off the main thread). `live` is how many of its
   * elements are not deleted: hnswlib does not report it, the caller knows it (its checkpoint, or the
   * labels it maps to passages).
   */
  static async read(
    file: string,
    dimensions: number,
    live: number,
    params: HnswParams = HNSW_PARAMS,
  ): Promise<HnswGraph> {
    const header = readGraphHeader(file);
    if (header.dimensions !== dimensions)
      throw new Error(`${file} holds ${header.dimensions}-dimensional vectors, not ${dimensions}`);
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(file, true);
    if (index.getCurrentCount() < live)
      throw new Error(`${file} holds ${index.getCurrentCount()} vectors, fewer than the ${live} expected`);
    return new HnswGraph(index, dimensions, params, index.getCurrentCount() - live);
  }

  /** Elements stored, deleted ones included. */
  get elements(): number {
    return this.index.getCurrentCount();
  }

  get deleted(): number {
    return this.deletedCount;
  }

  /** Live (findable) elements. */
  get size(): number {
    return this.elements - this.deletedCount;
  }

  get capacity(): number {
    return this.index.getMaxElements();
  }

  /** Inserts a vector under a new label (one never used, or used and removed). */
  add(label: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions)
      throw new Error(`a ${vector.length}-dimensional vector cannot join a ${this.dimensions}-dimensional graph`);
    const reuse = this.deletedCount > 0;
    if (!reuse && this.elements >= this.capacity) {
      this.index.resizeIndex(Math.ceil(this.capacity * this.params.growth));
    }
    this.index.addPoint(Array.from(vector), label, reuse);
    if (reuse) this.deletedCount--;
    this.matrix = undefined;
  }

  /** Marks a label deleted. Returns false when it was not live. */
  remove(label: number): boolean {
    try {
      this.index.markDelete(label);
    } catch {
      return false;
    }
    this.deletedCount++;
    this.matrix = undefined;
    return true;
  }

  /** The stored (normalised) vector of a live label. */
  vector(label: number): number[] {
    return this.index.getPoint(label);
  }

  /** Labels of every stored element, deleted ones included. */
  labels(): number[] {
    return this.index.getIdsList();
  }

  /**
   * The `k` nearest live labels, searched with ef = max(efSearch, k) (or `ef` when given, for
   * measurements; an `ef` of Infinity compares the vector with every stored one: exact search).
   * `accept` restricts the search to labels it returns true for (hnswlib applies it inside the graph
   * walk, so `k` accepted hits come back when they exist).
   */
  search(
    vector: ArrayLike<number>,
    k: number,
    accept?: (label: number) => boolean,
    ef = this.params.efSearch,
  ): GraphHit[] {
    const limit = Math.min(k, this.size);
    if (limit <= 0) return [];
    if (ef === Infinity) return this.exact(vector, limit, accept);
    this.index.setEf(Math.max(ef, limit));
    const { neighbors, distances } = this.index.searchKnn(Array.from(vector), limit, accept);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i] }));
  }

  private exact(vector: ArrayLike<number>, k: number, accept?: (label: number) => boolean): GraphHit[] {
    if (!this.matrix) {
      const labels: number[] = [];
      const vectors = new Float32Array(this.size * this.dimensions);
      for (const label of this.labels()) {
        let stored: number[];
        try {
          stored = this.vector(label);
        } catch {
          continue; // deleted
        }
        vectors.set(stored, labels.length * this.dimensions);
        labels.push(label);
      }
      this.matrix = { labels, vectors };
    }
    const { labels, vectors } = this.matrix;
    const d = this.dimensions;
    const norm = Math.hypot(...Array.from(vector)) || 1;
    const query = Float32Array.from(vector, (x) => x / norm);
    const top: GraphHit[] = [];
    for (let i = 0; i < labels.length; i++) {
      let dot = 0;
      for (let j = 0, at = i * d; j < d; j++) dot += vectors[at + j] * query[j];
      if (top.length === k && dot <= top[k - 1].similarity) continue;
      if (accept && !accept(labels[i])) continue;
      let at = top.length;
      while (at > 0 && top[at - 1].similarity < dot) at--;
      top.splice(at, 0, { label: labels[i], similarity: dot });
      if (top.length > k) top.pop();
    }
    return top;
  }

  /** Writes the graph to `file` atomically. */
  async write(file: string): Promise<void> {
    await writeAtomically(file, (tmp) => this.index.writeIndex(tmp).then(() => undefined));
  }
}
