/**
 * The HNSW tuning numbers, in one place. Chosen with `bench/hnsw-study.ts` on 100k synthetic news
 * passages (hashing vectors, 256 dimensions: `HASHING_DEFAULT_DIMENSIONS`): recall@10 against exact
 * search at the query-time ef, and insert CPU time (README, "Performance"). Inserts run on a worker
 * thread during a full build, beside the writer's own work, so their cost bounds the build once it
 * exceeds the writer's. Measured at 100k: M 16 / efConstruction 100 → 0.73 ms per insert, recall@10
 * 0.971 at ef 400 and 0.980 at ef 800; efConstruction 200 → 1.54 ms, 0.982 / 0.990 (too slow for a
 * 1M build in 30 minutes); the former efConstruction 64 gave 0.932 at ef 400 (0.992 at 20k). On the
 * benchmark's shorter queries (`npm run bench`, 100k) efConstruction 100 gives 0.954 / 0.966 / 0.973
 * / 0.978 at ef 400 / 800 / 1200 / 2400: the search breadth is 1200, the least that reaches 0.97.
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
  efConstruction: 100,
  efSearch: 1200,
  initialCapacity: 1024,
  growth: 2,
  seed: 100,
};
