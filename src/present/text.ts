import type { PassageContext, ArticleMeta } from '../core/index.js';
import { terminalSafe } from './terminal-safe.js';

/** Text for one line of a terminal: runs of white space (line breaks, CR, tabs) become one space, controls made visible. */
export const oneLine = (text: string): string => terminalSafe(text.replace(/\s+/g, ' '));

/** Paragraphs for a terminal: single line breaks (from the articles' hard-wrapped lines) become spaces; blank lines stay paragraph breaks. */
export const readable = (text: string): string =>
  text
    .split(/\r?\n[ \t]*\r?\n\s*/)
    .map((p) => oneLine(p).trim())
    .filter(Boolean)
    .join('\n\n');

/** The first `max` characters of one-line text, cut at a word when one ends in the second half, with an ellipsis. */
function keepStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The last `max` characters of one-line text, cut at a word when one starts in the first half, with an ellipsis. */
function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(-max);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < max / 2 ? cut.slice(space + 1) : cut}`;
}

/** A passage on one safe line, cut at a word near `max` characters. */
export const snippet = (text: string, max = 220): string => keepStart(oneLine(text).trim(), max);

/** Outlet · date · language of an article, a hit, a citation or a quote match. */
export const byline = ({ source, date, lang }: Pick<ArticleMeta, 'source' | 'date' | 'lang'>): string =>
  oneLine([source ?? 'unknown outlet', date ?? 'undated', lang].join(' · '));

/** A span split for highlighting: `before + cited + after`, each safe one-line text. */
export interface SpanParts {
  before: string;
  cited: string;
  after: string;
}

/** Raw text around a span on one safe line: `before` loses its leading white space and `after` its trailing. */
export const spanParts = (before: string, cited: string, after: string): SpanParts => ({
  before: oneLine(before).trimStart(),
  cited: oneLine(cited),
  after: oneLine(after).trimEnd(),
});

/**
 * A cited span [start, end) with up to `context` characters of its passage either side, cut at
 * words, for a one-glance source line; the span alone when it lies outside the passage.
 */
export function citedWindow(
  passage: { start: number; text: string } | undefined,
  start: number,
  end: number,
  cited: string,
  context = 90,
): SpanParts {
  if (!passage || start < passage.start || end > passage.start + passage.text.length)
    return { before: '', cited: oneLine(cited).trim(), after: '' };
  const parts = spanParts(passage.text.slice(0, start - passage.start), cited, passage.text.slice(end - passage.start));
  return { before: keepEnd(parts.before, context), cited: parts.cited, after: keepStart(parts.after, context) };
}

/** A passage in its context for `show` and `/open`: the sentences before, the passage split around [start, end), the sentences after. */
export interface ContextParts extends SpanParts {
  above: string;
  below: string;
}

export function contextParts(context: PassageContext, start = context.start, end = context.end): ContextParts {
  const from = Math.max(0, start - context.start);
  const to = Math.max(from, Math.min(context.text.length, end - context.start));
  const sentences = (spans: { text: string }[]) => oneLine(spans.map((s) => s.text).join(' ')).trim();
  return {
    above: sentences(context.before),
    ...spanParts(context.text.slice(0, from), context.text.slice(from, to), context.text.slice(to)),
    below: sentences(context.after),
  };
}
