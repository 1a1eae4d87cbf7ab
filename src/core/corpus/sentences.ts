import type { Span } from '../types.js';

const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);
const ENDERS = new Set(['.', '!', '?']);
/**
 * Words that end with a full stop without ending the sentence, lower case with their inner dots:
 * titles, company forms, academic degrees and common shorthand. Initials ("Amir A. Hatami",
 * "H.M. Nasution") need no entry: a capital letter, or capitals joined by dots, before the stop is one.
 */
export const ABBREVIATIONS = new Set([
  // Titles and forms of address.
  'dr',
  'dra',
  'drs',
  'prof',
  'ir',
  'h',
  'hj',
  'kh',
  'k.h',
  'ust',
  'pdt',
  'mr',
  'mrs',
  'ms',
  'st',
  'sdr',
  'sdri',
  'bpk',
  'ny',
  'nn',
  'jr',
  'sr',
  'gen',
  'jend',
  'brig',
  'kol',
  'let',
  // Company forms.
  'pt',
  'tbk',
  'cv',
  'ud',
  'inc',
  'ltd',
  'co',
  'corp',
  // Academic degrees.
  'm.m',
  's.h',
  's.e',
  'm.si',
  'm.h',
  'm.a',
  'm.t',
  's.t',
  'm.pd',
  's.pd',
  'm.hum',
  'm.kes',
  'm.sc',
  'm.eng',
  'm.ag',
  's.ag',
  'm.kom',
  's.kom',
  's.sos',
  's.ip',
  's.psi',
  's.ked',
  'a.md',
  'ph.d',
  'b.a',
  'b.sc',
  // Shorthand.
  'jl',
  'no',
  'vs',
  'tel',
  'tgl',
  'dll',
  'dsb',
  'dkk',
  'kab',
  'kec',
  'prov',
  'e.g',
  'i.e',
  'etc',
]);

/** Single letters joined by dots, the last one a capital in the text: "A", "K.H", "U.S". */
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

const isUpper = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dot).toLowerCase();
}

/** Whether the full stop at `dot` ends an abbreviation or an initial rather than a sentence. */
export function isAbbreviationStop(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = wordBefore(text, dot);
  // Abbreviations glued together ("Dr.Ir.") are read from the last one.
  const last = word.slice(word.lastIndexOf('.') + 1);
  return ABBREVIATIONS.has(word) || ABBREVIATIONS.has(last) || (INITIALS.test(word) && isUpper(text[dot - 1]));
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
    if (isAbbreviationStop(text, i)) continue;
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
