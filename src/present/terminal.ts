import path from 'node:path';
import {
  describeProvenance,
  type QuoteMatch,
  type IndexSummary,
  type Manifest,
  type PassageContext,
  type Answer,
  type Citation,
  type Hit,
} from '../core/index.js';
import type { Style } from './style.js';
import { terminalSafe } from './terminal-safe.js';
import { supportQuote } from './support.js';
import { byline, contextParts, oneLine, snippet, type SpanParts } from './text.js';
import { tableRows } from './table.js';
import { displayWidth, truncate, wrapSegments } from './wrap.js';

type Paint = (text: string) => string;
const plain: Paint = (text) => text;

/**
 * Painted parts as lines starting `indent` columns in: on a terminal (`style.width`) word-wrapped with
 * continuation lines `hang` columns further in; piped, one line as it is.
 */
/** How many boilerplate lines `info` lists before "and N more". */
const BOILERPLATE_SHOWN = 10;

function block(parts: [string, Paint][], style: Style, indent = 0, hang = 0): string {
  const pad = ' '.repeat(indent);
  const segments = parts.filter(([text]) => text).map(([text, paint]) => ({ text, style: paint }));
  if (!style.width) return `${pad}${segments.map((s) => s.style(s.text)).join('')}`;
  return wrapSegments(segments, style.width - indent, hang)
    .map((runs, i) => `${pad}${i > 0 ? ' '.repeat(hang) : ''}${runs.map((r) => r.style(r.text)).join('')}`)
    .join('\n');
}

/** A line meant to stay one line: on a terminal, cut with an ellipsis to what is left of the width after `used` columns. */
const oneLineFit = (text: string, style: Style, used: number): string =>
  style.width ? truncate(text, style.width - used) : text;

/** A numbered source under an answer: title, byline, id and offsets, and the cited text. */
export function formatCitation(c: Citation, style: Style): string {
  const marker = `[${c.n}] `;
  const head = `${style.accent(marker.trim())} ${style.bold(oneLineFit(oneLine(c.title), style, marker.length))}`;
  const meta = block(
    [
      [
        `${byline(c)} · ${oneLine(c.id)} · chars ${c.start}–${c.end}${c.verified === false ? ' · not verified' : ''}`,
        style.dim,
      ],
    ],
    style,
    4,
    2,
  );
  return `${head}\n${meta}\n${block([[snippet(c.text, 300), plain]], style, 4)}`;
}

/**
 * Ranked search hits as a table (rank, score with the best marked, passage id, byline), each row
 * followed, under the passage id, by a snippet of the passage and the other stories the hit stands for.
 */
export function formatHits(hits: Hit[], style: Style): string {
  const rows = hits.map((hit, i) => [
    String(i + 1),
    hit.score.toFixed(4),
    oneLine(hit.passage.id),
    byline(hit.article),
  ]);
  const [head, ...lines] = tableRows(['#', 'score', 'passage', 'source'], rows, style, {
    align: ['right', 'right'],
    better: [undefined, 'higher'],
  });
  const indent = displayWidth(`${hits.length}  ${rows[0]?.[1] ?? ''}  `);
  const under = (hit: Hit) => [
    block([[snippet(hit.passage.text), plain]], style, indent),
    ...(hit.related.length
      ? [block([[`also in ${oneLine(hit.related.map((r) => r.id).join(', '))}`, style.dim]], style, indent, 2)]
      : []),
  ];
  return [head, ...lines.flatMap((line, i) => [line, ...under(hits[i])])].join('\n');
}

const highlighted = ({ before, cited, after }: SpanParts, style: Style, indent = 0): string =>
  block(
    [
      [before, style.dim],
      [cited, style.highlight],
      [after, style.dim],
    ],
    style,
    indent,
  );

/** A place a quote was found: kind, score, file and line, and the match highlighted in its sentences. */
export function formatMatch(match: QuoteMatch, around: SpanParts, rank: number, style: Style): string {
  const head = block(
    [
      [`${rank}.`, style.accent],
      [' ', plain],
      [match.kind, style.bold],
      [` · ${match.score.toFixed(3)} · `, plain],
      [oneLine(`${match.origin?.file ?? match.file}:${match.line}`), style.bold],
      [match.earliest ? ' · ' : '', plain],
      [match.earliest ? 'earliest' : '', style.accent],
    ],
    style,
    0,
    3,
  );
  const meta = block(
    [[`${byline(match)} · ${oneLine(match.id)} · chars ${match.start}–${match.end}`, style.dim]],
    style,
    3,
    2,
  );
  return `${head}\n${meta}\n${highlighted(around, style, 3)}`;
}

/**
 * The line under a short answer: the supporting sentence in quotes, the short answer highlighted in it,
 * and its citation marker; null when the answer has no short answer (its text is then the whole answer).
 */
export function formatSupport(answer: Answer, style: Style): string | null {
  const quote = supportQuote(answer);
  if (!quote) return null;
  const { before, cited, after } = quote.parts;
  return block(
    [
      [`"${before}`, plain],
      [cited, style.highlight],
      [`${after}"`, plain],
      [quote.n === null ? '' : ` [${quote.n}]`, style.accent],
    ],
    style,
    2,
    1,
  );
}

/**
 * `show`: the article's title and details (where it is in the corpus, e.g. `news.jsonl:1204` or `a.txt:12`,
 * its id when that is not its file, and its URL), then the passage between the sentences around it, with
 * `span` (e.g. a short answer's offsets) or else the whole passage highlighted.
 */
export function formatPassage(
  context: PassageContext,
  location: string,
  style: Style,
  span?: { start: number; end: number },
): string {
  const parts = contextParts(context, span?.start, span?.end);
  const spanNote = span ? ` · span ${span.start}–${span.end}` : '';
  const id = context.origin ? ` · ${oneLine(context.file)}` : '';
  return [
    block([[oneLine(context.title), style.bold]], style, 0, 2),
    block(
      [
        [
          `${byline(context)} · ${oneLine(location)}${id} · chars ${context.start}–${context.end}${spanNote}`,
          style.dim,
        ],
      ],
      style,
      0,
      2,
    ),
    ...(context.url ? [block([[oneLine(context.url), style.dim]], style, 0, 2)] : []),
    '',
    ...(parts.above ? [block([[parts.above, style.dim]], style, 2)] : []),
    highlighted(parts, style, 2),
    ...(parts.below ? [block([[parts.below, style.dim]], style, 2)] : []),
  ].join('\n');
}

const size = (bytes: number): string =>
  bytes > 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/** `info`: the built indexes as a table (counts, size, last update), each with its embedder and chunking under it. */
export function formatIndexes(indexes: (IndexSummary & { manifest: Manifest })[], style: Style): string {
  const rows = indexes.map(({ dir, counts, bytes, manifest }) => [
    oneLine(path.basename(dir)),
    String(counts.articles),
    String(counts.passages),
    String(counts.skipped),
    size(bytes),
    oneLine(manifest.updatedAt.replace(/\.\d+Z$/, 'Z')),
  ]);
  const [head, ...lines] = tableRows(['index', 'articles', 'passages', 'skipped', 'size', 'updated'], rows, style, {
    align: ['left', 'right', 'right', 'right', 'right'],
  });
  const about = ({ embedder: e, chunking, kabarVersion, createdAt }: Manifest) =>
    block(
      [
        [
          oneLine(
            `${e.provider} ${e.model}${e.weights ? ` (${e.weights})` : ''}, ${e.dimensions} dimensions, prefixes ${e.prefix}; chunks of ${chunking.maxSentences} sentences / ${chunking.maxChars} characters; built ${createdAt} by kabar ${kabarVersion}`,
          ),
          style.dim,
        ],
      ],
      style,
      2,
      2,
    );
  // Where the articles' metadata came from, for corpora read from archives, pages and feeds.
  const provenance = ({ provenance: counts }: Manifest) =>
    counts
      ? [
          block([['metadata:', style.dim]], style, 2),
          ...describeProvenance(counts).map((line) => block([[line, style.dim]], style, 4, 2)),
        ]
      : [];
  // The lines repeated across so many articles that they are left out of passages, as kabar saw them (lower case).
  const boilerplate = ({ boilerplate: found }: Manifest) =>
    found?.length
      ? [
          block([[`boilerplate lines (${found.length}, left out of passages):`, style.dim]], style, 2),
          ...found
            .slice(0, BOILERPLATE_SHOWN)
            .map((line) => block([[`"${terminalSafe(line)}"`, style.dim]], style, 4, 2)),
          ...(found.length > BOILERPLATE_SHOWN
            ? [block([[`and ${found.length - BOILERPLATE_SHOWN} more`, style.dim]], style, 4)]
            : []),
        ]
      : [];
  return [
    head,
    ...lines.flatMap((line, i) => [
      line,
      about(indexes[i].manifest),
      ...provenance(indexes[i].manifest),
      ...boilerplate(indexes[i].manifest),
    ]),
  ].join('\n');
}

/** A warning line for stderr; the message may name files or quote articles, so it is made safe. */
export const formatWarning = (message: string, style: Style): string =>
  `${style.warn('warning:')} ${terminalSafe(message)}\n`;
