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
 * Groups each block's sentences into passages with ids `file#0`, `file#1`, ... as the sentences come (an
 * outsized article is chunked a passage at a time). An id depends only on the article's own text, so it
 * survives changes to other files.
 */
export function* passagesOf(
  file: string,
  raw: string,
  sentences: Iterable<{ span: Span; block: number }>,
  options: ChunkOptions = DEFAULT_CHUNKING,
): Generator<Passage> {
  let n = 0;
  let current: Span[] = [];
  let length = 0;
  let currentBlock = -1;
  const emit = (): Passage => {
    const start = current[0].start;
    const end = current[current.length - 1].end;
    const passage = { id: `${file}#${n++}`, file, start, end, text: raw.slice(start, end), sentences: current };
    current = [];
    length = 0;
    return passage;
  };
  for (const { span, block } of sentences) {
    if (block !== currentBlock && current.length > 0) yield emit();
    currentBlock = block;
    for (const sentence of splitLongSentence(raw, span, options.maxChars)) {
      const size = sentence.end - sentence.start;
      if (current.length > 0 && (length + size > options.maxChars || current.length >= options.maxSentences))
        yield emit();
      current.push(sentence);
      length += size;
    }
  }
  if (current.length > 0) yield emit();
}

/** Every passage of blocks of sentences at once. */
export function chunkArticle(
  file: string,
  raw: string,
  blocks: Span[][],
  options: ChunkOptions = DEFAULT_CHUNKING,
): Passage[] {
  const sentences = blocks.flatMap((block, i) => block.map((span) => ({ span, block: i })));
  return [...passagesOf(file, raw, sentences, options)];
}
