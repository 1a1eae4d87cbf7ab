import { normalizeWords, type NormWord } from './normalize.js';

export interface SpanMatch {
  start: number;
  end: number;
}

const isSpace = (ch: string): boolean => /\s/u.test(ch);

/** How many non-space characters (quote marks, full stops) the quote has before its first and after its last word. */
function edgePunctuation(quote: string, words: NormWord[]): { lead: number; trail: number } {
  const before = quote.slice(0, words[0].start).replace(/\s+/gu, '');
  const after = quote.slice(words[words.length - 1].end).replace(/\s+/gu, '');
  return { lead: before.length, trail: after.length };
}

/**
 * Every place where `raw` says exactly `quote`, ignoring case, whitespace, quote styles and punctuation
 * between words. A span runs from the first to the last matching word, widened over the punctuation
 * the quote itself has at its edges (an opening quote mark, a closing full stop), never over spaces.
 */
export function findExact(raw: string, quote: string, rawWords: NormWord[] = normalizeWords(raw)): SpanMatch[] {
  const q = normalizeWords(quote);
  if (q.length === 0 || q.length > rawWords.length) return [];
  const { lead, trail } = edgePunctuation(quote, q);
  const matches: SpanMatch[] = [];
  const first = q[0].word;
  outer: for (let i = 0; i + q.length <= rawWords.length; i++) {
    if (rawWords[i].word !== first) continue;
    for (let j = 1; j < q.length; j++) if (rawWords[i + j].word !== q[j].word) continue outer;
    let start = rawWords[i].start;
    let end = rawWords[i + q.length - 1].end;
    const floor = i > 0 ? rawWords[i - 1].end : 0;
    const ceiling = i + q.length < rawWords.length ? rawWords[i + q.length].start : raw.length;
    for (let n = 0; n < lead && start > floor && !isSpace(raw[start - 1]); n++) start--;
    for (let n = 0; n < trail && end < ceiling && !isSpace(raw[end]); n++) end++;
    matches.push({ start, end });
    i += q.length - 1;
  }
  return matches;
}
