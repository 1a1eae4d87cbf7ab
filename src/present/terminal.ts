import type { QuoteMatch } from '../core/cite/find.js';
import type { PassageContext } from '../core/index/context.js';
import type { Answer, Citation, Hit } from '../core/types.js';
import type { Style } from '../commands/style.js';
import { terminalSafe } from './terminal-safe.js';
import { supportQuote } from './support.js';
import { byline, contextParts, oneLine, snippet, type SpanParts } from './text.js';

/** A numbered source under an answer: title, byline, id and offsets, and the cited text. */
export function formatCitation(c: Citation, style: Style): string {
  const head = `${style.accent(`[${c.n}]`)} ${style.bold(oneLine(c.title))}`;
  const meta = style.dim(`${byline(c)} · ${oneLine(c.id)} · chars ${c.start}–${c.end}${c.verified === false ? ' · not verified' : ''}`);
  return `${head}\n    ${meta}\n    ${snippet(c.text, 300)}`;
}

/** A ranked search hit: id, the stories it stands for, byline and score, and a snippet. */
export function formatHit(hit: Hit, rank: number, style: Style): string {
  const also = hit.related.length ? style.dim(` (also in ${oneLine(hit.related.map((r) => r.id).join(', '))})`) : '';
  const meta = style.dim(`${byline(hit.article)} · score ${hit.score.toFixed(4)}`);
  return `${style.accent(`${rank}.`)} ${style.bold(oneLine(hit.passage.id))}${also}\n   ${meta}\n   ${snippet(hit.passage.text)}`;
}

const highlighted = ({ before, cited, after }: SpanParts, style: Style): string => `${style.dim(before)}${style.highlight(cited)}${style.dim(after)}`;

/** A place a quote was found: kind, score, file and line, and the match highlighted in its sentences. */
export function formatMatch(match: QuoteMatch, around: SpanParts, rank: number, style: Style): string {
  const head = `${style.accent(`${rank}.`)} ${style.bold(match.kind)} · ${match.score.toFixed(3)} · ${style.bold(oneLine(`${match.file}:${match.line}`))}${match.earliest ? ` · ${style.accent('earliest')}` : ''}`;
  const meta = style.dim(`${byline(match)} · ${oneLine(match.id)} · chars ${match.start}–${match.end}`);
  return `${head}\n   ${meta}\n   ${highlighted(around, style)}`;
}

/**
 * The line under a short answer: the supporting sentence in quotes, the short answer highlighted in it,
 * and its citation marker; null when the answer has no short answer (its text is then the whole answer).
 */
export function formatSupport(answer: Answer, style: Style): string | null {
  const quote = supportQuote(answer);
  if (!quote) return null;
  const { before, cited, after } = quote.parts;
  const marker = quote.n === null ? '' : ` ${style.accent(`[${quote.n}]`)}`;
  return `  "${before}${cited ? style.highlight(cited) : ''}${after}"${marker}`;
}

/**
 * `show`: the article's title and details, then the passage between the sentences around it, with
 * `span` (e.g. a short answer's offsets) or else the whole passage highlighted.
 */
export function formatPassage(context: PassageContext, line: number, style: Style, span?: { start: number; end: number }): string {
  const parts = contextParts(context, span?.start, span?.end);
  const spanNote = span ? ` · span ${span.start}–${span.end}` : '';
  return [
    style.bold(oneLine(context.title)),
    style.dim(`${byline(context)} · ${oneLine(`${context.file}:${line}`)} · chars ${context.start}–${context.end}${spanNote}`),
    '',
    ...(parts.above ? [style.dim(parts.above)] : []),
    highlighted(parts, style),
    ...(parts.below ? [style.dim(parts.below)] : []),
  ].join('\n');
}

/** A warning line for stderr; the message may name files or quote articles, so it is made safe. */
export const formatWarning = (message: string, style: Style): string => `${style.warn('warning:')} ${terminalSafe(message)}\n`;
