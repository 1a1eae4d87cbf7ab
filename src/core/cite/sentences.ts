import { isAbbreviationStop } from '../corpus/sentences.js';
import type { StoredArticle } from '../index/port.js';
import { fuzzyWords } from './normalize.js';
import type { Sentence } from './semantic.js';

/**
 * Splits a stored sentence where the article glued two together without a space
 * (`ancaman AS.Berbicara`, `Iran."Menteri`, `katanya.Sementara`), so a match can cover just one.
 * A stop that ends an abbreviation or initial (`Dr.Amir`, `K.H.Hasyim`) is no such place.
 */
export function splitGlued(raw: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  const glue = /[.!?]["”'’]?(?=["“]?\p{Lu}\p{Ll})/gu;
  glue.lastIndex = 0;
  const text = raw.slice(start, end);
  let from = 0;
  for (const m of text.matchAll(glue)) {
    const cut = m.index + m[0].length;
    if (isAbbreviationStop(raw, start + m.index)) continue;
    if (cut - from > 1 && cut < text.length) {
      parts.push({ start: start + from, end: start + cut });
      from = cut;
    }
  }
  parts.push({ start: start + from, end });
  return parts;
}

/** Consecutive runs of the given passages' sentences, each widened by `around` passages either side. */
export function sentenceGroups(
  raw: string,
  article: StoredArticle,
  passages: Set<number>,
  around: number,
): Sentence[][] {
  const wanted = new Set<number>();
  for (const n of passages)
    for (let m = n - around; m <= n + around; m++) if (m >= 0 && m < article.passages.length) wanted.add(m);
  const groups: Sentence[][] = [];
  let previous = -2;
  for (const n of [...wanted].sort((a, b) => a - b)) {
    if (n !== previous + 1) groups.push([]);
    previous = n;
    for (const s of article.passages[n].sentences.flatMap((span) => splitGlued(raw, span.start, span.end))) {
      const text = raw.slice(s.start, s.end);
      const words = fuzzyWords(text).map((w) => ({ ...w, start: w.start + s.start, end: w.end + s.start }));
      groups[groups.length - 1].push({ start: s.start, end: s.end, text, words });
    }
  }
  return groups;
}
