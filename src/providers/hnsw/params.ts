/**
 * The HNSW tuning numbers, in one place. Chosen by `npm run bench` measurements on this corpus shape
 * (hashing vectors of news passages): recall@10 against exact search at the query-time `ef`, build
 * time, and FacQA retrieval quality. See the README's performance section.
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
  efConstruction: 200,
  efSearch: 200,
  initialCapacity: 1024,
  growth: 2,
  seed: 100,
};
