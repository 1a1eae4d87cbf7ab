import {
  spanSource,
  type QuoteMatch,
  type Answer,
  type AnswerItem,
  type ArticleSpan,
  type Citation,
  type Hit,
  type ShortAnswer,
} from '../core/index.js';

/** The JSON form of an article span: plain data with exact offsets into the article's text, and the record's file, line and URL when known. */
export const spanJson = (s: ArticleSpan) => ({
  id: s.id,
  file: s.file,
  title: s.title,
  source: s.source,
  date: s.date,
  lang: s.lang,
  start: s.start,
  end: s.end,
  text: s.text,
  ...spanSource(s),
});

/** The JSON form of a citation: plain data, `verified` only when it was checked. */
export const citationJson = (c: Citation) => ({
  n: c.n,
  ...spanJson(c),
  ...(c.verified === undefined ? {} : { verified: c.verified }),
});

/** The JSON form of a short answer: its span and the text shown for it. */
export const shortJson = (s: ShortAnswer) => ({ ...spanJson(s), shown: s.shown });

/** The JSON form of a list, timeline or brief line: its text, its date and its citations in full. */
export const itemJson = (item: AnswerItem) => ({
  text: item.text,
  date: item.date,
  citations: item.citations.map(citationJson),
});

/**
 * The `--json` object of `kabar ask`. `short` (the answer span), `support` (the quoted sentence) and
 * `confidence` are always present, null when the answerer gives none.
 */
export const answerJson = (a: Answer) => ({
  question: a.question,
  kind: a.kind ?? 'answer',
  answer: a.answer,
  abstained: a.abstained,
  short: a.short ? shortJson(a.short) : null,
  support: a.support ? spanJson(a.support) : null,
  confidence: a.confidence ?? null,
  citations: a.citations.map(citationJson),
  ...(a.items ? { items: a.items.map(itemJson) } : {}),
  ...(a.droppedLines === undefined ? {} : { droppedLines: a.droppedLines }),
  ...(a.abstained ? { closest: a.closest ? spanJson(a.closest) : null } : {}),
  ...(a.warnings.length ? { warnings: a.warnings } : {}),
  ...(a.invalidMarkers === undefined ? {} : { invalidMarkers: a.invalidMarkers }),
  ...(a.unsupported?.length ? { unsupported: a.unsupported } : {}),
  timingsMs: a.timingsMs,
});

/** The JSON form of a search hit: plain data, no class instances. */
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
  ...spanSource(hit.article),
  why: hit.why,
  related: hit.related,
  ...(hit.folded?.length ? { folded: hit.folded } : {}),
});

/** The `--json` object of `kabar search`. */
export const searchJson = (query: string, hits: Hit[], ms: number) => ({
  query,
  hits: hits.map(hitJson),
  timingsMs: { total: Math.round(ms) },
});

/** The `--json` object of `kabar cite`: exactly these keys per match, and the earliest article at the top level when there is one. */
export function citeJson(quote: string, matches: QuoteMatch[]) {
  const earliest = matches.find((m) => m.earliest)?.file;
  return {
    quote,
    matches: matches.map(({ file, id, start, end, line, text, score, kind, origin }) => ({
      file,
      id,
      start,
      end,
      line,
      text,
      score,
      kind,
      ...(origin ? { origin } : {}),
    })),
    ...(earliest ? { earliest } : {}),
  };
}

/** DEL, the C1 controls, the Unicode line separators and the bidirectional overrides and isolates, which JSON.stringify leaves raw inside strings. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of JSON for stdout. The parsed value is exact (every offset and text as stored); the
 * characters a terminal could act on are written as \u escapes, so piping it to a terminal is safe.
 */
export const jsonLine = (value: unknown): string =>
  `${JSON.stringify(value).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
