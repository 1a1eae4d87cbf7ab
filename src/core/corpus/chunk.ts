import type { Passage, Span } from '../types.js';
import { DEFAULT_CHUNKING, type ChunkOptions } from '../settings.js';

/**
 * A sentence longer than `max` characters cut into pieces of at most `max`, at the last white space
 * in the second half of each piece or else hard (never inside a surrogate pair); offsets stay exact.
 */
export function splitLongSentence(raw: string, sentence: Span, max: number): Span[] {
  if (sentence.end - sentence.start <= max) return [sentence];
  const pieces: Span[] = [];
  let start = sentence.start;
  while (start < sentence.end) {
    while (start < sentence.end && /\s/.test(raw[start])) start += 1;
    if (start >= sentence.end) break;
    let end = Math.min(sentence.end, start + max);
    if (end < sentence.end) {
      const space = raw.slice(start + Math.floor(max / 2), end).search(/\s\S*$/);
      if (space >= 0) end = start + Math.floor(max / 2) + space;
      else if (/[\uD800-\uDBFF]/.test(raw[end - 1])) end -= 1;
    }
    let trimmed = end;
    while (trimmed > start && /\s/.test(raw[trimmed - 1])) trimmed -= 1;
    pieces.push({ start, end: trimmed, text: raw.slice(start, trimmed) });
    start = end;
  }
  return pieces;
}

/**
 * Groups each block's sentences into passages with ids `file#0`, `file#1`, ... An id depends only on
 * the article's own text, so it survives changes to other files.
 */
export function chunkArticle(
  file: string,
  raw: string,
  blocks: Span[][],
  options: ChunkOptions = DEFAULT_CHUNKING,
): Passage[] {
  const passages: Passage[] = [];
  const emit = (sentences: Span[]) => {
    const start = sentences[0].start;
    const end = sentences[sentences.length - 1].end;
    passages.push({ id: `${file}#${passages.length}`, file, start, end, text: raw.slice(start, end), sentences });
  };
  for (const block of blocks) {
    let current: Span[] = [];
    let length = 0;
    for (const sentence of block.flatMap((s) => splitLongSentence(raw, s, options.maxChars))) {
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
