import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import type { HierarchicalNSW } from 'hnswlib-node';

export interface VectorHit {
  id: string;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/**
 * Passage vectors in an HNSW graph (hnswlib-node through LangChain's HNSWLib). Each vector's label maps
 * to a passage id; removed passages are marked deleted, never left findable. The search breadth `ef`
 * is set explicitly (LangChain leaves hnswlib's default of max(10, k), which loses recall).
 */
export class VectorIndex {
  private constructor(
    private readonly store: HNSWLib,
    private readonly ids: Map<number, string>,
    private deleted: number,
  ) {}

  static readonly EF_MIN = 200;

  static async create(embeddings: EmbeddingsInterface, dimensions: number): Promise<VectorIndex> {
    const store = new HNSWLib(embeddings as never, { space: 'cosine', numDimensions: dimensions });
    return new VectorIndex(store, new Map(), 0);
  }

  /** Reads a saved graph; `ids` gives each live label's passage id (from the passage store). */
  static async load(file: string, embeddings: EmbeddingsInterface, dimensions: number, ids: Map<number, string>): Promise<VectorIndex> {
    if (ids.size === 0) return VectorIndex.create(embeddings, dimensions);
    const { default: hnswlib } = await import('hnswlib-node');
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(file);
    if (index.getNumDimensions() !== dimensions) {
      throw new Error(`${file} holds ${index.getNumDimensions()}-dimensional vectors, the embedder makes ${dimensions}`);
    }
    const docs = new Map([...ids].map(([label, id]) => [String(label), new Document({ pageContent: '', metadata: { id } })]));
    const store = new HNSWLib(embeddings as never, { space: 'cosine', numDimensions: dimensions, index, docstore: new SynchronousInMemoryDocstore(docs) });
    return new VectorIndex(store, new Map(ids), index.getCurrentCount() - ids.size);
  }

  private get graph(): HierarchicalNSW | undefined {
    return this.store._index;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Share of the graph taken by deleted vectors. */
  get deletedShare(): number {
    const total = this.ids.size + this.deleted;
    return total === 0 ? 0 : this.deleted / total;
  }

  /** Adds vectors and returns the label given to each. */
  async add(vectors: number[][], ids: string[]): Promise<number[]> {
    if (vectors.length === 0) return [];
    const first = this.graph ? this.graph.getCurrentCount() : 0;
    await this.store.addVectors(vectors, ids.map((id) => new Document({ pageContent: '', metadata: { id } })));
    const labels = ids.map((id, i) => {
      this.ids.set(first + i, id);
      return first + i;
    });
    return labels;
  }

  remove(labels: number[]): void {
    for (const label of labels) {
      if (!this.ids.delete(label)) continue;
      this.graph?.markDelete(label);
      this.store.docstore._docs.delete(String(label));
      this.deleted++;
    }
  }

  vector(label: number): number[] {
    if (!this.graph) throw new Error('empty vector index');
    return this.graph.getPoint(label);
  }

  async search(vector: number[], k: number, accept?: (id: string) => boolean): Promise<VectorHit[]> {
    const graph = this.graph;
    if (!graph || this.ids.size === 0) return [];
    const limit = Math.min(k, this.ids.size);
    graph.setEf(Math.max(VectorIndex.EF_MIN, limit * 2));
    const filter = accept ? (doc: Document) => accept(doc.metadata.id as string) : undefined;
    const results = await this.store.similaritySearchVectorWithScore(vector, limit, filter);
    return results.map(([doc, distance]) => ({ id: doc.metadata.id as string, similarity: 1 - distance }));
  }

  async save(file: string): Promise<void> {
    if (!this.graph) return;
    await this.graph.writeIndex(file);
  }
}
