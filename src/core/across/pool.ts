import type { PassageRecord } from '../index/port.js';
import { foundIn, stemmedTokens, wordsFound, type QuestionWord } from '../question/coverage.js';
import type { Analyzer } from '../text/analyze.js';
import type { ArticleMeta, Hit, Span } from '../types.js';

/** A sentence of a retrieved passage, with how much of the topic it holds. */
export interface PoolSentence {
  sentence: Span;
  passageId: string;
  article: ArticleMeta;
  /** The rank of the hit it was read from (a same-story twin shares its hit's rank). */
  rank: number;
  /** Its place in the article (passage start, then sentence start), for reading order. */
  position: number;
  /**
   * The share of the topic's weighted content in the sentence; a word found only in the article's title
   * or the sentence before counts half (a sentence says "the minister", "his four deputies", where the
   * headline or the sentence before names them).
   */
  relevance: number;
  /**
   * The share of the topic's weighted content its article holds in all its pooled sentences and its title
   * together: how much the article is about the topic, not only this sentence.
   */
  articleRelevance: number;
}

/** Words of the title or the sentence before count this much of a word found in the sentence itself. */
const CONTEXT_SHARE = 0.5;

/** A passage the pool reads, with the rank of the hit that brought it. */
export interface PoolRead {
  id: string;
  rank: number;
}

/** The passages of the hits and their same-story twins, each with its hit's rank. */
export const hitReads = (hits: Hit[]): PoolRead[] =>
  hits.flatMap((h, rank) => [h.passage.id, ...h.related.map((r) => r.id)].map((id) => ({ id, rank })));

/**
 * Every sentence of the passages read (`reads`, in rank order), once each, with its relevance to the
 * topic's words. Lists, timelines and briefs all choose their lines from it.
 */
export function sentencePool(
  words: QuestionWord[],
  reads: PoolRead[],
  records: Map<string, PassageRecord>,
  analyzer: Analyzer,
): PoolSentence[] {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const pool: PoolSentence[] = [];
  const seen = new Set<string>();
  const titles = new Map<string, boolean[]>();
  /** Per article, which of the topic's words its sentences or title hold. */
  const held = new Map<string, boolean[]>();
  const read = (passageId: string, rank: number) => {
    const record = records.get(passageId);
    if (seen.has(passageId) || !record) return;
    seen.add(passageId);
    const { passage, article } = record;
    let title = titles.get(article.file);
    if (!title) titles.set(article.file, (title = wordsFound(words, article.title, article.lang, analyzer)));
    let before: boolean[] = [];
    let holds = held.get(article.file);
    if (!holds) held.set(article.file, (holds = [...title]));
    for (const sentence of passage.sentences) {
      const found = foundIn(words, stemmedTokens(sentence.text, article.lang, analyzer));
      found.forEach((f, i) => (holds[i] ||= f));
      const weight = words.reduce(
        (sum, w, i) => sum + w.weight * (found[i] ? 1 : title[i] || before[i] ? CONTEXT_SHARE : 0),
        0,
      );
      before = found;
      pool.push({
        sentence,
        passageId,
        article,
        rank,
        position: sentence.start,
        relevance: total > 0 ? weight / total : 0,
        articleRelevance: 0,
      });
    }
  };
  for (const { id, rank } of reads) read(id, rank);
  const share = (holds: boolean[]) =>
    total > 0 ? words.reduce((sum, w, i) => sum + (holds[i] ? w.weight : 0), 0) / total : 0;
  for (const s of pool) s.articleRelevance = share(held.get(s.article.file)!);
  return pool;
}

/** Per article (file), the relevance of its pooled sentence that holds most of the topic. */
export function bestSentences(pool: PoolSentence[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const s of pool) best.set(s.article.file, Math.max(best.get(s.article.file) ?? 0, s.relevance));
  return best;
}

/**
 * Whether a pooled sentence comes from an article about the topic: one holding at least `relative` of what
 * the best article holds, with a sentence holding at least `relative` of what the best sentence holds. An
 * article holding less, or naming the topic's words only apart ("Prabowo dan Sandiaga" in a story on a
 * voter; the U-17 Asian Cup beside the World Cup), is on a neighbouring story.
 */
export function aboutTopic(pool: PoolSentence[], relative: number): (s: PoolSentence) => boolean {
  const top = Math.max(0, ...pool.map((s) => s.articleRelevance));
  const best = bestSentences(pool);
  const bestSentence = Math.max(0, ...best.values());
  return (s) => s.articleRelevance >= relative * top && best.get(s.article.file)! >= relative * bestSentence;
}
