/**
 * The HNSW tuning numbers, in one place. Chosen with `bench/hnsw-study.ts` on 20k synthetic news
 * passages (hashing vectors, 256 dimensions: `HASHING_DEFAULT_DIMENSIONS`): recall@10 against exact
 * search at the query-time ef, and insert CPU time (README, "Performance"). Inserts dominate a build;
 * a search costs a few milliseconds next to BM25's tens, so the build breadth is kept small and the
 * search breadth large. Measured: M 16 / efConstruction 64 / ef 400 → recall@10 0.992 at 0.48 ms per
 * insert; the former M 16 / 200 / ef 200 at 512 dimensions → 0.987 at 1.74 ms.
 */
export interface HnswParams {
  /** Links per node per layer (layer 0 keeps 2·M). More links: better recall, slower inserts, bigger file. */
  m: number;
  /** Candidate list size while inserting. Larger: a better graph, proportionally slower inserts. */
  efConstruction: number;
  /** Candidate list size while searching (at least k). LangChain never sets it; hnswlib's default is 10. */
  efSearch: number;
  /** Room reserved by a new graph before the first resize. */
  initialCapacity: number;
  /** Capacity is multiplied by this whenever it runs out, so n inserts cost O(log n) resizes. */
  growth: number;
  /** hnswlib's level generator seed: the same inserts build the same graph. */
  seed: number;
}

export const HNSW_PARAMS: HnswParams = {
  m: 16,
  efConstruction: 64,
  efSearch: 400,
  initialCapacity: 1024,
  growth: 2,
  seed: 100,
};
