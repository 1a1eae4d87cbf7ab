import type { Embedder } from '../../providers/embeddings/embedder.js';
import { metaOf, type CorpusView } from '../index/view.js';
import type { Analyzer } from '../text/analyze.js';
import type { Hit } from '../types.js';
import { questionWords } from './coverage.js';
import { collapseDuplicates } from './duplicates.js';
import { hasFilters, matchesFilters } from './filter.js';
import { normalizedScoreFusion, reciprocalRankFusion } from './fuse.js';
import type { Query } from './query.js';
import { rerankByCoverage } from './rerank.js';

export interface RetrieverOptions {
  /** How many candidates each of the dense and lexical searches contributes before fusion. */
  candidates: number;
  denseWeight: number;
  lexicalWeight: number;
  /** Story-fingerprint similarity at which two passages count as the same story. */
  duplicateThreshold: number;
  /** `score`: normalised scores added with their weights; `rank`: reciprocal rank fusion. */
  fusion: 'score' | 'rank';
  /** The fused top `depth` gain `weight` × the share of the question found in two adjacent sentences. */
  rerank: { weight: number; depth: number };
}

export const DEFAULT_RETRIEVER: RetrieverOptions = { candidates: 50, denseWeight: 0.3, lexicalWeight: 1, duplicateThreshold: 0.6, fusion: 'score', rerank: { weight: 1, depth: 50 } };

export interface Retriever {
  retrieve(query: Query, k: number): Promise<Hit[]>;
}

/** Hybrid retrieval: HNSW over embeddings and BM25 over stems, fused, reranked by how closely passages hold the question, filtered, de-duplicated. */
export function createRetriever(view: CorpusView, embedder: Embedder, analyzer: Analyzer, options: RetrieverOptions = DEFAULT_RETRIEVER): Retriever {
  return {
    async retrieve(query, k) {
      const filtered = hasFilters(query.filters);
      const accept = filtered ? (id: string) => {
        const found = view.passage(id);
        return found !== undefined && matchesFilters(found.article, query.filters);
      } : undefined;
      const depth = Math.max(options.candidates, k * 3);
      const vector = await embedder.embeddings.embedQuery(query.text);
      const dense = view.data.vectors.search(vector, depth, accept);
      const lexical = view.data.lexical.query(query.terms, depth, accept);
      const fused = options.fusion === 'rank'
        ? reciprocalRankFusion([
            { ids: dense.map((h) => h.id), weight: options.denseWeight },
            { ids: lexical.map((h) => h.id), weight: options.lexicalWeight },
          ])
        : normalizedScoreFusion([
            { hits: dense.map((h) => ({ id: h.id, score: h.similarity })), weight: options.denseWeight },
            { hits: lexical, weight: options.lexicalWeight },
          ]);
      const denseById = new Map(dense.map((h, rank) => [h.id, { score: h.similarity, rank: rank + 1 }]));
      const lexicalById = new Map(lexical.map((h, rank) => [h.id, { score: h.score, rank: rank + 1 }]));
      const hits: Hit[] = [];
      for (const [id, score] of [...fused].sort((a, b) => b[1] - a[1])) {
        const found = view.passage(id);
        if (!found) continue;
        const d = denseById.get(id);
        const l = lexicalById.get(id);
        hits.push({
          passage: found.passage,
          article: metaOf(found.article),
          score,
          why: { dense: d?.score, denseRank: d?.rank, lexical: l?.score, lexicalRank: l?.rank },
          related: [],
        });
      }
      const reranked = rerankByCoverage(hits, questionWords(query, analyzer, view.data.lexical), analyzer, options.rerank);
      return collapseDuplicates(reranked, analyzer, options.duplicateThreshold).slice(0, k);
    },
  };
}

/** Whether a hit holds at least one of the query's terms: a hit found only by vector closeness is no search result. */
export const matchesATerm = (hit: Hit): boolean => (hit.why.lexical ?? 0) > 0;
