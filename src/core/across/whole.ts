import type { PassageRecord, StoreReader } from '../index/port.js';
import { aboutTopic, type PoolRead, type PoolSentence } from './pool.js';

/**
 * The passages the search did not bring of the first `count` articles about the topic (in rank order),
 * each with its article's best rank: the sentence that names a list's items or states a brief's number
 * often holds few of the topic's words and stands in a passage of its own ("Ireland has been the most
 * successful country …, followed by the UK, France and Luxembourg with five each").
 */
export async function wholeArticles(
  pool: PoolSentence[],
  store: Pick<StoreReader, 'article'>,
  relative: number,
  count: number,
): Promise<{ reads: PoolRead[]; records: Map<string, PassageRecord> }> {
  const about = aboutTopic(pool, relative);
  const read = new Set(pool.map((s) => s.passageId));
  const ranks = new Map<string, number>();
  for (const s of pool)
    if (about(s) && !ranks.has(s.article.file) && ranks.size < count) ranks.set(s.article.file, s.rank);
  const reads: PoolRead[] = [];
  const records = new Map<string, PassageRecord>();
  for (const [file, rank] of ranks) {
    const stored = await store.article(file);
    if (!stored) continue;
    const { version: _version, passages, ...article } = stored;
    for (const passage of passages) {
      if (read.has(passage.id)) continue;
      reads.push({ id: passage.id, rank });
      records.set(passage.id, { passage, article });
    }
  }
  return { reads, records };
}
