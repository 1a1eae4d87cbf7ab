import { HnswGraph } from './hnsw/graph.js';

export interface VectorHit {
  id: string;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/**
 * Passage vectors in an HNSW graph (`hnsw/graph.ts`). Each vector's label maps to a passage id; removed
 * passages are marked deleted, never left findable, and their slots are reused by later inserts.
 */
export class VectorIndex {
  private constructor(
    private readonly graph: HnswGraph,
    private readonly ids: Map<number, string>,
    private nextLabel: number,
  ) {}

  static create(dimensions: number, capacity?: number): VectorIndex {
    return new VectorIndex(HnswGraph.create(dimensions, { capacity }), new Map(), 0);
  }

  /** Reads a saved graph; `ids` gives each live label's passage id (from the passage store). */
  static async load(file: string, dimensions: number, ids: Map<number, string>): Promise<VectorIndex> {
    if (ids.size === 0) return VectorIndex.create(dimensions);
    const graph = await HnswGraph.read(file, dimensions, ids.size);
    let last = -1;
    for (const label of graph.labels()) if (label > last) last = label;
    return new VectorIndex(graph, new Map(ids), last + 1);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Share of the graph taken by deleted vectors. */
  get deletedShare(): number {
    return this.graph.elements === 0 ? 0 : this.graph.deleted / this.graph.elements;
  }

  /** Adds vectors and returns the label given to each. */
  add(vectors: number[][], ids: string[]): number[] {
    return ids.map((id, i) => {
      const label = this.nextLabel++;
      this.graph.add(label, vectors[i]);
      this.ids.set(label, id);
      return label;
    });
  }

  remove(labels: number[]): void {
    for (const label of labels) {
      if (this.ids.delete(label)) this.graph.remove(label);
    }
  }

  vector(label: number): number[] {
    return this.graph.vector(label);
  }

  search(vector: number[], k: number, accept?: (id: string) => boolean): VectorHit[] {
    const filter = accept ? (label: number) => accept(this.ids.get(label)!) : undefined;
    return this.graph.search(vector, k, filter).map((hit) => ({ id: this.ids.get(hit.label)!, similarity: hit.similarity }));
  }

  async save(file: string): Promise<void> {
    if (this.graph.elements > 0) await this.graph.write(file);
  }
}
