import type { Embedder } from '../embedder.js';
import type { StoreReader } from '../index/port.js';
import type { Analyzer } from '../text/analyze.js';
import type { Hit } from '../types.js';
import { questionStats, questionWords } from '../question/coverage.js';
import { collapseDuplicates } from './duplicates.js';
import type { StoryPrint } from '../text/story-print.js';
import { normalizedScoreFusion, reciprocalRankFusion } from './fuse.js';
import type { Query } from '../question/query.js';
import { compareIds, passageStemmer, rerankByCoverage } from './rerank.js';
import { DEFAULT_RETRIEVER, type RetrieverOptions } from '../settings.js';

export interface Retriever {
  retrieve(query: Query, k: number): Promise<Hit[]>;
}

/** What the retriever reads from the store. */
export type RetrieverStore = Pick<StoreReader, 'dense' | 'lexical' | 'passages' | 'termStats' | 'wordsOfTerms'>;

/** Hybrid retrieval: HNSW over embeddings and BM25 over stems, fused, reranked by how closely passages hold the question, filtered, de-duplicated. */
export class HybridRetriever implements Retriever {
  constructor(
    private readonly store: RetrieverStore,
    private readonly embedder: Embedder,
    private readonly analyzer: Analyzer,
    private readonly options: RetrieverOptions = DEFAULT_RETRIEVER,
  ) {}

  async retrieve(query: Query, k: number): Promise<Hit[]> {
    const { store, embedder, analyzer, options } = this;
    const depth = Math.max(options.candidates, k * 3);
    const vector = await embedder.embeddings.embedQuery(query.text);
    const [dense, lexical, stats] = await Promise.all([
      store.dense(vector, depth, query.filters),
      store.lexical(query.terms, depth, query.filters),
      questionStats(query, analyzer, store),
    ]);
    const fused =
      options.fusion === 'rank'
        ? reciprocalRankFusion([
            { ids: dense.map((h) => h.id), weight: options.denseWeight },
            { ids: lexical.map((h) => h.id), weight: options.lexicalWeight },
          ])
        : normalizedScoreFusion([
            { hits: dense, weight: options.denseWeight },
            { hits: lexical, weight: options.lexicalWeight },
          ]);
    const denseById = new Map(dense.map((h, rank) => [h.id, { score: h.score, rank: rank + 1 }]));
    const lexicalById = new Map(lexical.map((h, rank) => [h.id, { score: h.score, rank: rank + 1 }]));
    const ranked = [...fused].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]));
    const records = await store.passages(ranked.map(([id]) => id));
    const hits: Hit[] = [];
    for (const [id, score] of ranked) {
      const found = records.get(id);
      if (!found) continue;
      const d = denseById.get(id);
      const l = lexicalById.get(id);
      hits.push({
        passage: found.passage,
        article: found.article,
        score,
        why: { dense: d?.score, denseRank: d?.rank, lexical: l?.score, lexicalRank: l?.rank },
        related: [],
      });
    }
    const words = questionWords(query, analyzer, stats);
    const stem = await passageStemmer(
      store,
      analyzer,
      words,
      hits.slice(0, options.rerank.depth).map((h) => h.article.lang),
    );
    const reranked = rerankByCoverage(hits, words, stem, options.rerank);
    const prints = new Map<string, StoryPrint>();
    for (const [id, record] of records) if (record.print) prints.set(id, record.print);
    return collapseDuplicates(reranked, analyzer, options.duplicateThreshold, prints).slice(0, k);
  }
}
