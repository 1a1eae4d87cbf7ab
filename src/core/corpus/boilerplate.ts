/**
 * Site boilerplate: lines a page carries around every article (read-also links, "SCROLL TO CONTINUE WITH
 * CONTENT", advertisement markers, share and subscribe prompts). They stay in the file, so offsets do not
 * move, but are never part of a passage, an answer or a snippet.
 */
import type { BoilerplateRule } from '../settings.js';

/** A whole line that is a known boilerplate pattern, in Indonesian or English. */
const KNOWN_LINE = new RegExp(
  [
    // "Baca juga: Judul lain", "Simak juga Video: …", "Read more: …"
    String.raw`^(?:baca juga|baca pula|simak juga|simak video|lihat juga|tonton juga|saksikan juga|artikel terkait|berita terkait|read also|read more|see also|watch|related)\b\s*(?:video\s*)?[:\-–—]`,
    String.raw`^(?:scroll to continue with content|advertisement|iklan|sponsored|ads|adv)$`,
    // Share, follow and subscribe prompts.
    String.raw`^(?:share this (?:article|story|post)|bagikan(?: artikel| berita)?\s*:?$|subscribe (?:to|now|for)|follow us on|ikuti kami di|ikuti (?:juga )?(?:berita|akun|kanal|channel|instagram)|dapatkan update berita|cek berita dan artikel|download aplikasi|unduh aplikasi|klik di sini untuk|click here to)\b`,
  ].join('|'),
  'i',
);
/** Longer lines are sentences, even when they start like a link or a prompt. */
const MAX_PROMPT_CHARS = 160;

/** Whether a line (trimmed) is a known boilerplate pattern. */
export function isKnownBoilerplate(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= MAX_PROMPT_CHARS && KNOWN_LINE.test(text);
}

/**
 * Markers scraped pages glue into a paragraph, cut out with the text around them kept as separate runs:
 * "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT", a "Baca Juga" whose link text the scraper lost
 * ("… udara. Baca JugaWFH tentu …": the marker only), and an inline "Baca juga: Judul lain …" or "Simak juga
 * Video …" up to the end of its sentence (the link's title has no full stop, so the sentence glued to it
 * goes too: it would be quoted with the title inside).
 */
export const INLINE_BOILERPLATE =
  /\s*(?:\b(?:SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT)\b|\[?(?:\b|(?<=[\p{L}\d]))(?:Baca|Simak|Lihat) [Jj]uga(?=[\p{Lu}\d"“])|\[?(?:\b|(?<=[\p{L}\d]))(?:Baca|Simak|Lihat) [Jj]uga\b[^\n]*?(?:[.!?](?=\s|$)|\]|$))\s*/gu;

/**
 * What every inline marker contains, as a cheap test: a line without it is never matched against
 * `INLINE_BOILERPLATE` (a Unicode pattern with look-behinds, costly over millions of characters).
 */
export const INLINE_BOILERPLATE_HINT = /SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT|(?:Baca|Simak|Lihat) [Jj]uga/;

/** The same line however it is spaced or cased: the key recurring lines are counted under. */
export const lineKey = (line: string): string =>
  line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** How many articles of the corpus hold each short line (by `lineKey`), kept with the index as running totals. */
export type LineCounts = Record<string, number>;

/** The distinct short lines of an article that could be boilerplate, as keys. */
export function candidateLines(raw: string, rules: BoilerplateRule): string[] {
  const keys = new Set<string>();
  for (const line of raw.split('\n')) {
    const text = line.trim();
    if (text.length === 0 || text.length > rules.maxChars) continue;
    const key = lineKey(text);
    if (key.split(' ').length >= rules.minWords) keys.add(key);
  }
  return [...keys];
}

/** Adds (`sign` 1) or takes away (-1) one article's lines; past `maxKeys` lines seen once are forgotten. */
export function countLines(counts: LineCounts, raw: string, sign: 1 | -1, rules: BoilerplateRule): void {
  for (const key of candidateLines(raw, rules)) {
    const n = (counts[key] ?? 0) + sign;
    if (n > 0) counts[key] = n;
    else delete counts[key];
  }
  if (Object.keys(counts).length > rules.maxKeys)
    for (const key of Object.keys(counts)) if (counts[key] === 1) delete counts[key];
}

/** The lines held by enough articles to be boilerplate, most frequent first. */
export function recurringLines(counts: LineCounts, articles: number, rules: BoilerplateRule): string[] {
  const least = Math.max(rules.minArticles, Math.min(Math.ceil(rules.share * articles), rules.enoughArticles));
  return Object.keys(counts)
    .filter((key) => counts[key] >= least)
    .sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1));
}
