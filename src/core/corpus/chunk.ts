import type { Passage, Span } from '../types.js';

export interface ChunkOptions {
  /** A passage grows sentence by sentence until the next one would pass this many characters. */
  maxChars: number;
  maxSentences: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { maxChars: 500, maxSentences: 3 };

/**
 * Groups each block's sentences into passages with ids `file#0`, `file#1`, ... An id depends only on
 * the article's own text, so it survives changes to other files.
 */
export function chunkArticle(file: string, raw: string, blocks: Span[][], options: ChunkOptions = DEFAULT_CHUNKING): Passage[] {
  const passages: Passage[] = [];
  const emit = (sentences: Span[]) => {
    const start = sentences[0].start;
    const end = sentences[sentences.length - 1].end;
    passages.push({ id: `${file}#${passages.length}`, file, start, end, text: raw.slice(start, end), sentences });
  };
  for (const block of blocks) {
    let current: Span[] = [];
    let length = 0;
    for (const sentence of block) {
      const size = sentence.end - sentence.start;
      if (current.length > 0 && (length + size > options.maxChars || current.length >= options.maxSentences)) {
        emit(current);
        current = [];
        length = 0;
      }
      current.push(sentence);
      length += size;
    }
    if (current.length > 0) emit(current);
  }
  return passages;
}
