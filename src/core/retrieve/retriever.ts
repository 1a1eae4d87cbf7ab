import type { Embedder } from '../embedder.js';
import type { StoreReader } from '../index/port.js';
import type { Analyzer } from '../text/analyze.js';
import type { Hit } from '../types.js';
import { questionStats, questionWords } from '../question/coverage.js';
import { collapseDuplicates } from './duplicates.js';
import { foldPerArticle } from './per-article.js';
import type { StoryPrint } from '../text/story-print.js';
import { normalizedScoreFusion, reciprocalRankFusion } from './fuse.js';
import type { Query } from '../question/query.js';
import { compareIds, passageStemmer, rerankByCoverage } from './rerank.js';
import { withTranslations } from './translated-words.js';
import { hasAnswerShape, questionKind } from '../question/kind.js';
import { wordsOf } from '../text/analyze.js';
import { DEFAULT_RETRIEVER, type RetrieverOptions } from '../settings.js';

/** How many times the usual candidates the retriever looks at most when folding leaves fewer than k results. */
const DEEPEST = 64;

export interface RetrieveOptions {
  /** Every passage of an article may be a result: nothing is folded under an article's best hit. */
  allPassages?: boolean;
}

export interface Retriever {
  retrieve(query: Query, k: number, options?: RetrieveOptions): Promise<Hit[]>;
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

  async retrieve(query: Query, k: number, { allPassages = false }: RetrieveOptions = {}): Promise<Hit[]> {
    const { options } = this;
    const vector = await this.embedder.embeddings.embedQuery(query.text);
    let depth = Math.max(options.candidates, k * 3);
    for (;;) {
      const { stories, exhausted } = await this.candidates(query, vector, depth);
      if (allPassages) return stories.slice(0, k);
      const hits = foldPerArticle(stories, options.perArticle);
      // When one article held most candidates, its folded passages leave room: look deeper for other articles.
      const full = hits.length >= k || exhausted || depth >= options.candidates * DEEPEST;
      if (full) return hits.slice(0, k);
      depth *= 4;
    }
  }

  /** The fused, reranked candidates at a search depth, retellings of one story collapsed; `exhausted` when the store has no more. */
  private async candidates(
    query: Query,
    vector: number[],
    depth: number,
  ): Promise<{ stories: Hit[]; exhausted: boolean }> {
    const { store, analyzer, options } = this;
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
    // A passage in the other language is read with the question's translations too.
    const across = { lang: query.lang, words: withTranslations(words, query, analyzer) };
    const stem = await passageStemmer(
      store,
      analyzer,
      across.words,
      hits.slice(0, options.rerank.depth).map((h) => h.article.lang),
    );
    const kind = questionKind(query.text);
    const asked = new Set(wordsOf(query.text));
    const reranked = rerankByCoverage(
      hits,
      words,
      stem,
      options.rerank,
      { holds: (text) => hasAnswerShape(kind, text, asked), shapeless: options.rerank.shapeless },
      across,
    );
    const prints = new Map<string, StoryPrint>();
    for (const [id, record] of records) if (record.print) prints.set(id, record.print);
    return {
      stories: collapseDuplicates(reranked, analyzer, options.duplicateThreshold, prints),
      exhausted: dense.length < depth && lexical.length < depth,
    };
  }
}
