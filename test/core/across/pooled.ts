import type { PoolSentence } from '../../../src/core/across/pool.js';

/** A pooled sentence of `file` (dated `date`) holding `relevance` of the topic, its article holding `about` of it. */
export function pooled(
  file: string,
  date: string | null,
  text: string,
  relevance: number,
  about: number,
  position: number,
): PoolSentence {
  return {
    sentence: { start: position, end: position + text.length, text },
    passageId: `${file}#0`,
    article: { file, title: file, date, source: file, lang: 'id' },
    rank: 0,
    position,
    relevance,
    articleRelevance: about,
  };
}
