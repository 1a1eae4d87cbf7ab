import type { Span } from '../types.js';

/**
 * A list written in a sentence ("A, B dan C", "A, B, and C", "A, B serta C", "A or B"): the answer the
 * reader found in it is one of its items (or several of them in one span), and the question asks for
 * them all. The items are found around the reader's span within its clause, and each is cut to the
 * item itself: a name's capitalised words ("yakni Belgia" → "Belgia", "Maroko di Grup A" → "Maroko"),
 * or, for things, the words after a word that opens a list ("berisi tes wawasan kebangsaan") and
 * before one that closes it ("trampolin di …").
 */

/** The words that join a list's last item. */
export const CONJUNCTIONS = 'dan|and|serta|atau|or';

/**
 * What separates items: a comma (with "dan"/"and"… after it or not), not one between digits ("3,00",
 * "Rp 15,47 miliar"), or "dan", "and", "serta", "atau", "or". An ampersand joins the words of one name ("Ant & Dec's Saturday Night Takeaway", "Marks & Spencer").
 */
const SEPARATOR = new RegExp(
  `\\s*,(?<!\\p{N},(?=\\p{N}))\\s*(?:(?:${CONJUNCTIONS})\\s+)?|\\s+(?:${CONJUNCTIONS})\\s+`,
  'giu',
);
/** Marks that end a clause: a list does not run over them. */
const CLAUSE_END = /[;:"“”!?]/u;
/** Words after which a list starts (the item begins after them). */
const OPENERS =
  /^(yakni|yaitu|adalah|ialah|berisi|meliputi|termasuk|seperti|antara|lain|diantaranya|antaranya|including|include|includes|such|as|among|them|are|were|is|was|namely)$/iu;
/** Words at which an item's thing ends ("trampolin di Merbabu Park"). */
const CLOSERS =
  /^(di|pada|yang|untuk|dengan|dari|ke|sebagai|dalam|oleh|in|at|on|for|which|that|to|with|from|by|as|were|was|are|is|will|would|have|has|had)$/iu;
/** Lower-case words an item may open with before its name ("kang", "comedy duo"). */
const ADDRESS_WORDS = 2;
/** The most words an item of a list may have. */
const MAX_ITEM_WORDS = 6;

interface Segment {
  start: number;
  end: number;
  /** The separator before it holds a conjunction ("dan", "and", "serta", "atau", "or", "&"). */
  joined?: boolean;
}

/** A separator that joins the last item of a written list: "dan", "and", "serta", "atau", "or". */
const CONJUNCTION = new RegExp(`(?:^|\\s)(?:${CONJUNCTIONS})\\s`, 'iu');

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&.-]*[\p{L}\p{N}])?/gu;
const wordsIn = (text: string, offset: number) =>
  [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));
const capital = (word: string) => /^[\p{Lu}\p{N}]/u.test(word);

/** Whether the character at `i` ends a clause: `;:()"“”!?`, or a full stop before a space or the end. */
const endsClause = (text: string, i: number) =>
  CLAUSE_END.test(text[i]) || (text[i] === '.' && (i + 1 === text.length || /\s/u.test(text[i + 1])));

/** The clause of `sentence` around a span: between the marks that end clauses. */
function clauseAround(sentence: Span, span: Span): Segment {
  const text = sentence.text;
  let start = span.start - sentence.start;
  while (start > 0 && !endsClause(text, start - 1)) start--;
  let end = span.end - sentence.start;
  while (end < text.length && !endsClause(text, end)) end++;
  return { start: sentence.start + start, end: sentence.start + end };
}

/** An item cut to itself: a name's run of capitalised words, or a thing's words between an opener and a closer. */
function itemOf(sentence: Span, segment: Segment, names: boolean, first: boolean, last: boolean): Span | null {
  // What stands in brackets after an item ("Herman (46)", "tes intelegensi umum (TIU)") is no part of it.
  const text = sentence.text.slice(segment.start - sentence.start, segment.end - sentence.start).replace(/\(.*$/su, '');
  let words = wordsIn(text, segment.start);
  if (words.length === 0) return null;
  if (names) {
    // The first item ends the clause's lead-in: the run after its last opener ("yaitu Maman Imanul Haq dari
    // PKB"), or else its trailing capitalised run; another item is the run at its start, past a word or two
    // of address ("kang Ruhzanul Ulum dari PPP").
    const runFrom = (from: number) => {
      let i = from;
      while (i < words.length && i - from < ADDRESS_WORDS && !capital(words[i].text)) i++;
      let end = i;
      while (end < words.length && capital(words[end].text)) end++;
      return words.slice(i, end);
    };
    if (first) {
      const opener = words.map((w) => OPENERS.test(w.text)).lastIndexOf(true);
      const after = opener >= 0 ? runFrom(opener + 1) : [];
      let i = words.length;
      while (i > 0 && capital(words[i - 1].text)) i--;
      words = after.length > 0 ? after : words.slice(i);
    } else words = runFrom(0);
  } else {
    if (first) {
      const opener = words.map((w) => OPENERS.test(w.text) || CLOSERS.test(w.text)).lastIndexOf(true);
      if (opener >= 0) words = words.slice(opener + 1);
    }
    if (last) {
      const closer = words.findIndex((w, i) => i > 0 && CLOSERS.test(w.text));
      if (closer > 0) words = words.slice(0, closer);
    }
  }
  if (words.length === 0 || words.length > MAX_ITEM_WORDS) return null;
  const start = words[0].start;
  const end = words[words.length - 1].end;
  return { start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start) };
}

/**
 * The items of the list a span stands in, when it stands in one: two or more, each with its exact
 * offsets (`raw.slice(start, end) === text` whenever the sentence's own offsets are exact); null when
 * the span is no part of a list.
 */
export function coordinatedItems(sentence: Span, span: Span, names: boolean): Span[] | null {
  const clause = clauseAround(sentence, span);
  const text = sentence.text.slice(clause.start - sentence.start, clause.end - sentence.start);
  const segments: Segment[] = [];
  let at = 0;
  let joined = false;
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index > at) segments.push({ start: clause.start + at, end: clause.start + m.index, joined });
    at = m.index + m[0].length;
    joined = CONJUNCTION.test(m[0]);
  }
  if (at < text.length) segments.push({ start: clause.start + at, end: clause.end, joined });
  // A sentence cut off in the middle of a list (a passage that ends there) loses its last item and its
  // conjunction: the list runs to the item before the cut.
  const cut = clause.end === sentence.end && !/[.!?"”'’)]\s*$/u.test(sentence.text);
  if (cut && segments.length > 2 && span.end <= segments[segments.length - 2].end) {
    segments.pop();
    segments[segments.length - 1].joined = true;
  }
  const inSpan = segments.map((s, i) => ({ s, i })).filter(({ s }) => s.start < span.end && span.start < s.end);
  if (inSpan.length === 0 || segments.length < 2) return null;
  // The list runs outward from the span's segments over short items; a longer segment at either end is
  // the lead-in that ends in the first item, or the last item with the rest of the clause after it.
  const segmentText = (seg: Segment) =>
    sentence.text.slice(seg.start - sentence.start, seg.end - sentence.start).trim();
  const short = (seg: Segment) => wordsIn(segmentText(seg), 0).length <= MAX_ITEM_WORDS;
  const opens = (seg: Segment) => {
    const words = wordsIn(segmentText(seg), 0);
    return names
      ? capital(words[words.length - 1]?.text ?? '')
      : words.some((w) => OPENERS.test(w.text) || CLOSERS.test(w.text));
  };
  const leadIn = (seg: Segment) => wordsIn(segmentText(seg), 0).some((w) => OPENERS.test(w.text));
  const closes = (seg: Segment) =>
    names
      ? wordsIn(segmentText(seg), 0)
          .slice(0, ADDRESS_WORDS + 1)
          .some((w) => capital(w.text))
      : true;
  let first = inSpan[0].i;
  let last = inSpan[inSpan.length - 1].i;
  while (first > 0 && short(segments[first]) && !leadIn(segments[first])) {
    const previous = segments[first - 1];
    if (!leadIn(previous) && (short(previous) ? !closes(previous) : !opens(previous))) break;
    first--;
  }
  while (last < segments.length - 1 && short(segments[last]) && closes(segments[last + 1])) last++;
  // A written list joins its last item with a conjunction ("A, B dan C"); what follows it after a comma
  // is the rest of the sentence ("…, she added"), and commas alone are no list ("X, the chairman, said").
  while (last > first && !segments[last].joined) last--;
  if (last === first) return null;
  const items: Span[] = [];
  for (let i = first; i <= last; i++) {
    const item = itemOf(sentence, segments[i], names, i === first, i === last);
    if (item) items.push(item);
  }
  return items.length >= 2 ? items : null;
}
