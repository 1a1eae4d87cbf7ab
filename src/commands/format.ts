import type { Citation, Hit } from '../core/types.js';
import type { Style } from './style.js';

/** One line of white space, cut at a word near `max` characters. */
export function snippet(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}

export const byline = (source: string | null, date: string | null, lang: string): string =>
  [source ?? 'unknown outlet', date ?? 'undated', lang].join(' · ');

export function formatCitation(c: Citation, style: Style): string {
  const head = `${style.accent(`[${c.n}]`)} ${style.bold(c.title)}`;
  const meta = style.dim(`${byline(c.source, c.date, c.lang)} · ${c.id} · chars ${c.start}–${c.end}${c.verified === false ? ' · not verified' : ''}`);
  return `${head}\n    ${meta}\n    ${snippet(c.text, 300)}`;
}

export function formatHit(hit: Hit, rank: number, style: Style): string {
  const also = hit.related.length ? style.dim(` (also in ${hit.related.map((r) => r.id).join(', ')})`) : '';
  const meta = style.dim(`${byline(hit.article.source, hit.article.date, hit.article.lang)} · score ${hit.score.toFixed(4)}`);
  return `${style.accent(`${rank}.`)} ${style.bold(hit.passage.id)}${also}\n   ${meta}\n   ${snippet(hit.passage.text)}`;
}

/** The JSON form of a hit for `--json`: plain data, no class instances. */
export const hitJson = (hit: Hit) => ({
  id: hit.passage.id,
  file: hit.passage.file,
  start: hit.passage.start,
  end: hit.passage.end,
  text: hit.passage.text,
  score: hit.score,
  title: hit.article.title,
  source: hit.article.source,
  date: hit.article.date,
  lang: hit.article.lang,
  why: hit.why,
  related: hit.related,
});
