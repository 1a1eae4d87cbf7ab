import type { Span } from '../types.js';

const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);
const ENDERS = new Set(['.', '!', '?']);
/** Words that end with a full stop without ending the sentence. */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jl', 'no', 'vs', 'gen', 'jend', 'brig', 'kol', 'let', 'h', 'hj', 'ir', 'drs',
  'sdr', 'bpk', 'tel', 'dll', 'dsb', 'u.s', 'u.n', 'inc', 'ltd', 'co', 'jr', 'sr', 'e.g', 'i.e', 'etc',
]);

const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dot).toLowerCase();
}

/** Counts quote characters in a range, to know whether a quote is open at its end (quotes may span sentences). */
function quoteCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (QUOTES.has(text[i])) n++;
  return n;
}

/**
 * Splits `text[from, to)` into sentences with offsets into `text`. Handles sentences glued without a
 * space ("Iran."Menteri", "AS.Berbicara"), closing quotes after the full stop, abbreviations,
 * decimals and dotted names (ARRAHMAHNEWS.COM). Every span is trimmed of surrounding white space.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  let paragraphStart = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };

  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      paragraphStart = i + 1;
      continue;
    }
    if (!ENDERS.has(ch)) continue;
    // Runs like "?!" or "..." end once, at their last character.
    let end = i + 1;
    while (end < to && ENDERS.has(text[end])) end++;
    const word = wordBefore(text, i);
    if (ch === '.' && (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(text.slice(i - 1, i)) && word.length === 1)) continue;
    if (ch === '.' && isDigit(text[i - 1]) && isDigit(text[end])) continue;

    // A quote right after the stop closes the sentence's open quote; otherwise it opens the next one.
    let next = end;
    while (next < to && (text[next] === ' ' || text[next] === '\t')) next++;
    if (next < to && QUOTES.has(text[next]) && quoteCount(text, paragraphStart, end) % 2 === 1) {
      end = next + 1;
      next = end;
      while (next < to && (text[next] === ' ' || text[next] === '\t')) next++;
    }
    const glued = next === end;
    const after = text[next];
    const afterNext = text[next + 1];
    let boundary: boolean;
    if (next >= to || after === '\n') boundary = true;
    else if (glued) boundary = (isUpper(after) && isLower(afterNext)) || (QUOTES.has(after) && isUpper(afterNext));
    else boundary = isUpper(after) || isDigit(after) || QUOTES.has(after) || after === '(' || after === '[';
    if (!boundary) continue;
    push(end);
    i = end - 1;
  }
  push(to);
  return spans;
}
