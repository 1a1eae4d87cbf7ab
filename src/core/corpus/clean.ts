import type { Span } from '../types.js';
import { splitSentences } from './sentences.js';
import { AGENCY_TRAILER, DATE_HEADER, outletFromAgencyCode } from '../sources/metadata.js';
import { agencyInOpening, leadDate, readDateline } from '../sources/dateline.js';
import { TITLE_LINE } from '../settings.js';
import { INLINE_BOILERPLATE, INLINE_BOILERPLATE_HINT, isKnownBoilerplate } from './boilerplate.js';

/** What cleaning learned about an article and the text worth retrieving, as spans of the original. */
export interface CleanedArticle {
  date: string | null;
  /** Where the date was read: a `date` header line of an archive, or the opening's dateline or lead sentence. */
  dateFrom: 'header' | 'dateline' | null;
  source: string | null;
  /** Where the outlet was read: the opening's dateline, or an agency code closing the article. */
  sourceFrom: 'dateline' | 'byline' | null;
  /** The title line (a first line followed by a blank line, or a leading Markdown heading), never part of a sentence. */
  title: Span | null;
  /** A photo caption standing in for a headline, if the article starts with one. */
  caption: string | null;
  /**
   * The text worth retrieving as blocks of runs (a line, or a part of one between boilerplate markers) with
   * nothing dropped between them: a passage never crosses from one block to the next, so
   * `raw.slice(passage.start, passage.end)` never contains a dropped line. `sentencesOf` splits them.
   */
  runs: TextRun[][];
}

/** A stretch of the original text, by offsets. */
export interface TextRun {
  start: number;
  end: number;
}

const CAPTION = /\.(?:jpe?g|png|gif|webp)\s*$/i;
/** A Markdown heading marker: "# ", "## ". */
const HEADING_MARKER = /^[ \t]{0,3}#{1,6}[ \t]+/;
const RELATED_HEADING = /^\s*(?:baca juga|read also|read more|see also|lihat juga|related)\s*:?\s*$/i;
const LIST_ITEM = /^\s*[-•*]\s+/;
/** How much of the text from the opening on is read for the day the lead reports (its first sentences, across a paragraph break). */
const LEAD_TEXT = 600;
const AGENCY_LINE = /^\s*[([]?[A-Z]{2,}(?:\/[A-Za-z]*\d*)*[)\]]?\s*$/;

export interface CleanOptions {
  /** Where the article's body starts (after Markdown front matter); lines before it are not read. */
  bodyStart?: number;
  /** Markdown: heading markers are not part of sentences. */
  markdown?: boolean;
  /** Look for a title line: the source gave no title of its own. */
  findTitle?: boolean;
  /** Lines this corpus repeats across many articles (besides the known patterns), left out like them. */
  isBoilerplate?: (line: string) => boolean;
}

type Line = TextRun;

function linesOf(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n') {
      lines.push({ start, end: i > start && raw[i - 1] === '\r' ? i - 1 : i });
      start = i + 1;
    }
  }
  return lines;
}

const blank = (raw: string, line: Line): boolean => raw.slice(line.start, line.end).trim() === '';

/** A line cut around the boilerplate markers glued into it, as runs that each keep exact offsets. */
function withoutMarkers(raw: string, line: Line): Line[] {
  const text = raw.slice(line.start, line.end);
  if (!INLINE_BOILERPLATE_HINT.test(text)) return blank(raw, line) ? [] : [line];
  const runs: Line[] = [];
  let from = 0;
  for (const match of text.matchAll(INLINE_BOILERPLATE)) {
    runs.push({ start: line.start + from, end: line.start + match.index });
    from = match.index + match[0].length;
  }
  runs.push({ start: line.start + from, end: line.end });
  return runs.filter((run) => !blank(raw, run));
}

/** A first line that reads as a headline: short, not closed by a full stop, followed by a blank line and more text. */
function isTitleLine(raw: string, lines: Line[], i: number, text: string): boolean {
  const trimmed = text.trim();
  // A headline may close with "!", "?" or an ellipsis, never with a single full stop or a comma.
  if (trimmed.length > TITLE_LINE.maxChars || /(?<!\.)[.,;:]["”’)]?$/.test(trimmed)) return false;
  if (i + 1 >= lines.length || !blank(raw, lines[i + 1])) return false;
  return lines.slice(i + 2).some((line) => !blank(raw, line));
}

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Finds the article's real text inside the raw file: sets the title line apart, skips the `date` header, a
 * photo caption, the dateline, "Baca juga" link lists, boilerplate lines (known patterns and lines the corpus
 * repeats), agency trailers and a lede repeated verbatim in the body. The publication date and outlet come only from evidence: the header, the opening's dateline (or the
 * "(21/10/2025)" of its lead sentence) and an agency code closing the article, never from a date elsewhere
 * in the body. Everything is reported as offsets into `raw`; nothing is rewritten.
 */
export function cleanArticle(raw: string, options: CleanOptions = {}): CleanedArticle {
  const bodyStart = options.bodyStart ?? 0;
  let date: string | null = null;
  let dateFrom: CleanedArticle['dateFrom'] = null;
  let source: string | null = null;
  let sourceFrom: CleanedArticle['sourceFrom'] = null;
  let caption: string | null = null;
  let title: Span | null = null;
  /** The first line of the body proper, where a dateline and the lead sentence are. */
  let opening: Line | null = null;
  const lines = linesOf(raw);
  const content: Line[][] = [[]];
  const gap = () => {
    if (content[content.length - 1].length > 0) content.push([]);
  };
  let first = true;

  for (let i = 0; i < lines.length; i++) {
    const line = { ...lines[i] };
    if (line.start < bodyStart) continue;
    const heading = options.markdown ? (HEADING_MARKER.exec(raw.slice(line.start, line.end))?.[0].length ?? 0) : 0;
    line.start += heading;
    if (first) {
      const header = DATE_HEADER.exec(raw.slice(line.start, line.end));
      if (header) {
        date = header[1];
        dateFrom = 'header';
        line.start += header[0].length;
      }
    }
    if (blank(raw, line)) continue;
    let text = raw.slice(line.start, line.end);
    // A "Baca juga:" heading is a link list's, left out below with its list.
    if (!RELATED_HEADING.test(text) && (isKnownBoilerplate(text) || options.isBoilerplate?.(text))) {
      gap();
      continue;
    }
    if (first && CAPTION.test(text)) {
      caption = text.trim().replace(CAPTION, '');
      gap();
      continue;
    }
    if (first && options.findTitle && title === null) {
      if (options.markdown ? heading > 0 : isTitleLine(raw, lines, i, text)) {
        const lead = text.length - text.trimStart().length;
        title = { start: line.start + lead, end: line.start + text.trimEnd().length, text: text.trim() };
        gap();
        continue;
      }
    }
    if (RELATED_HEADING.test(text)) {
      gap();
      while (
        i + 1 < lines.length &&
        (LIST_ITEM.test(raw.slice(lines[i + 1].start, lines[i + 1].end)) || blank(raw, lines[i + 1]))
      )
        i++;
      continue;
    }
    if (AGENCY_LINE.test(text)) {
      if (source === null && (source = outletFromAgencyCode(text))) sourceFrom = 'byline';
      gap();
      continue;
    }
    if (first) {
      const dateline = readDateline(text.trim());
      if (dateline) {
        if (dateline.outlet && source === null) [source, sourceFrom] = [dateline.outlet, 'dateline'];
        if (dateline.date && date === null) [date, dateFrom] = [dateline.date, 'dateline'];
        line.start += text.length - text.trimStart().length + dateline.length;
        text = raw.slice(line.start, line.end);
        if (blank(raw, line)) continue;
      }
      opening = line;
    }
    first = false;
    withoutMarkers(raw, line).forEach((run, k) => {
      if (k > 0) gap();
      content[content.length - 1].push(run);
    });
  }

  // An agency code glued to the end of the last line: "...Washington.(IT/TGM)", "...Rusia.[IT/r]".
  const lastBlock = content[content.length - 1];
  const last = lastBlock[lastBlock.length - 1];
  if (last) {
    const text = raw.slice(last.start, last.end);
    const trailer = /[([][A-Z]{2,}(?:\/[A-Za-z]*\d*)*[)\]]\s*$/.exec(text);
    if (trailer && AGENCY_TRAILER.test(trailer[0])) {
      if (source === null && (source = outletFromAgencyCode(trailer[0]))) sourceFrom = 'byline';
      last.end = last.start + trailer.index;
    }
  }

  if (opening) {
    if (date === null && (date = leadDate(raw.slice(opening.start, opening.start + LEAD_TEXT)))) dateFrom = 'dateline';
    if (source === null && (source = agencyInOpening(raw.slice(opening.start)))) sourceFrom = 'dateline';
  }
  return { date, dateFrom, source, sourceFrom, title, caption, runs: content.filter((block) => block.length > 0) };
}

/** How far into the text a lede repeated word for word is looked for (a scraped page repeats it near the top). */
const LEDE_REPEAT_REACH = 20_000;
/**
 * A run longer than this is split into sentences a slice at a time (a file of one huge line), so splitting
 * never holds more than a slice's sentences and quote counting stays local.
 */
const SPLIT_SLICE = 50_000;

/** The sentences of a run, split a slice at a time; offsets are exact. */
function* runSentences(raw: string, run: TextRun): Generator<Span> {
  let from = run.start;
  while (from < run.end) {
    const to = Math.min(run.end, from + SPLIT_SLICE);
    const spans = splitSentences(raw, from, to);
    // The last sentence of a slice may go on past it: it is split again with the next slice.
    const keep = to < run.end && spans.length > 1 ? spans.length - 1 : spans.length;
    for (let i = 0; i < keep; i++) yield spans[i];
    if (keep === spans.length) from = to;
    else from = spans[keep].start;
  }
}

/** The sentences of the runs in order, each with the number of its block. */
function* allSentences(raw: string, runs: TextRun[][]): Generator<{ span: Span; block: number }> {
  for (const [block, blockRuns] of runs.entries())
    for (const run of blockRuns) for (const span of runSentences(raw, run)) yield { span, block };
}

/**
 * How many leading sentences of the first block appear again, word for word, later in the opening of the
 * article (at most 3): such a lede is dropped.
 */
function repeatedLede(raw: string, runs: TextRun[][]): number {
  const opening = runs.map((block) => block.filter((run) => run.start < LEDE_REPEAT_REACH)).filter((b) => b.length);
  const sentences: { span: Span; block: number }[] = [];
  for (const sentence of allSentences(raw, opening)) {
    if (sentence.span.start >= LEDE_REPEAT_REACH) break;
    sentences.push(sentence);
  }
  const keys = sentences.map((s) => normalise(s.span.text));
  let drop = 0;
  while (drop < 3 && sentences[drop]?.block === 0) {
    const key = keys[drop];
    if (key.length < 20 || !keys.slice(drop + 1).includes(key)) break;
    drop++;
  }
  return drop;
}

/**
 * The article's sentences in order, produced as they are read (an outsized article is never held split
 * whole), each with its block; a lede repeated word for word in the body is left out.
 */
export function* sentencesOf(raw: string, runs: TextRun[][]): Generator<{ span: Span; block: number }> {
  let drop = repeatedLede(raw, runs);
  for (const sentence of allSentences(raw, runs)) {
    if (drop > 0) {
      drop--;
      continue;
    }
    yield sentence;
  }
}

/** The article's sentences grouped by block, all at once (for short texts and tools). */
export function sentenceBlocks(raw: string, runs: TextRun[][]): Span[][] {
  const blocks: Span[][] = [];
  for (const { span, block } of sentencesOf(raw, runs)) (blocks[block] ??= []).push(span);
  return blocks.filter((b) => b !== undefined);
}
