import type { Span } from '../types.js';
import { splitSentences } from './sentences.js';
import { AGENCY_TRAILER, DATE_HEADER, findDateInText, isOutletLike, outletFromAgencyCode } from '../sources/metadata.js';

/** What cleaning learned about an article and the text worth retrieving, as spans of the original. */
export interface CleanedArticle {
  date: string | null;
  source: string | null;
  /** A photo caption standing in for a headline, if the article starts with one. */
  caption: string | null;
  /**
   * Runs of sentences with nothing dropped between them. A passage never crosses from one block to the
   * next, so `raw.slice(passage.start, passage.end)` never contains a dropped line.
   */
  blocks: Span[][];
}

const CAPTION = /\.(?:jpe?g|png|gif|webp)\s*$/i;
/** "IslamTimes- ", "IslamTimes - ", "Rusia, ARRAHMAHNEWS.COM – ", "Solo, Kompas - ", "Jakarta, detikNews - "; kept only when outlet-like. */
const OUTLET_PREFIX = /^(?:[\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*){0,2}, )?(\p{L}[\p{L}\d.]{2,40}?)\s?[-–—]\s+(?=\S)/u;
const DATELINE_OUTLET = /^[\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*){0,2}, (\p{L}[\p{L}\d.]{2,40}?)(?: \([^)]{2,20}\))?\s?[-–—]\s+(?=\S)/u;
/** "JAKARTA (ANTARA) – ", "Hanoi (VNA) - ": a dateline with the agency in brackets. */
const DATELINE_AGENCY = /^\p{Lu}[\p{L}]*(?:,? \p{Lu}[\p{L}]*){0,2},? \((\p{Lu}[\p{L}\d.]{1,20})\)\s?[-–—]\s+(?=\S)/u;
/** A Markdown heading marker: "# ", "## ". */
const HEADING_MARKER = /^[ \t]{0,3}#{1,6}[ \t]+/;
const RELATED_HEADING = /^\s*(?:baca juga|read also|read more|see also|lihat juga|related)\s*:?\s*$/i;
const LIST_ITEM = /^\s*[-•*]\s+/;
const AGENCY_LINE = /^\s*[([]?[A-Z]{2,}(?:\/[A-Za-z]*\d*)*[)\]]?\s*$/;

/** The outlet named at the head of a line and the prefix to drop, if the token there is outlet-like (datelines are not outlets). */
function outletPrefix(text: string, first: boolean): RegExpExecArray | null {
  for (const pattern of first ? [OUTLET_PREFIX, DATELINE_AGENCY] : [DATELINE_OUTLET, DATELINE_AGENCY]) {
    const match = pattern.exec(text);
    if (match && isOutletLike(match[1])) return match;
  }
  return null;
}

export interface CleanOptions {
  /** Where the article's body starts (after Markdown front matter); lines before it are not read. */
  bodyStart?: number;
  /** Markdown: heading markers are not part of sentences. */
  markdown?: boolean;
}

interface Line {
  start: number;
  end: number;
}

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

const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Finds the article's real text inside the raw file: skips the `date` header, a photo caption, the
 * outlet prefix, "Baca juga" link lists, agency trailers and a lede repeated verbatim in the body.
 * Everything is reported as offsets into `raw`; nothing is rewritten.
 */
export function cleanArticle(raw: string, options: CleanOptions = {}): CleanedArticle {
  const bodyStart = options.bodyStart ?? 0;
  let date: string | null = null;
  let source: string | null = null;
  let caption: string | null = null;
  const lines = linesOf(raw);
  const content: Line[][] = [[]];
  const gap = () => {
    if (content[content.length - 1].length > 0) content.push([]);
  };
  let first = true;

  for (let i = 0; i < lines.length; i++) {
    const line = { ...lines[i] };
    if (line.start < bodyStart) continue;
    if (options.markdown) line.start += HEADING_MARKER.exec(raw.slice(line.start, line.end))?.[0].length ?? 0;
    if (first) {
      const header = DATE_HEADER.exec(raw.slice(line.start, line.end));
      if (header) {
        date = header[1];
        line.start += header[0].length;
      }
    }
    if (blank(raw, line)) continue;
    let text = raw.slice(line.start, line.end);
    if (first && CAPTION.test(text)) {
      caption = text.trim().replace(CAPTION, '');
      gap();
      continue;
    }
    if (RELATED_HEADING.test(text)) {
      gap();
      while (i + 1 < lines.length && (LIST_ITEM.test(raw.slice(lines[i + 1].start, lines[i + 1].end)) || blank(raw, lines[i + 1]))) i++;
      continue;
    }
    if (AGENCY_LINE.test(text)) {
      source ??= outletFromAgencyCode(text);
      gap();
      continue;
    }
    const prefix = outletPrefix(text.trimStart(), first);
    if (prefix) {
      source ??= prefix[1];
      line.start += text.length - text.trimStart().length + prefix[0].length;
      text = raw.slice(line.start, line.end);
    }
    first = false;
    content[content.length - 1].push(line);
  }

  // An agency code glued to the end of the last line: "...Washington.(IT/TGM)", "...Rusia.[IT/r]".
  const lastBlock = content[content.length - 1];
  const last = lastBlock[lastBlock.length - 1];
  if (last) {
    const text = raw.slice(last.start, last.end);
    const trailer = /[([][A-Z]{2,}(?:\/[A-Za-z]*\d*)*[)\]]\s*$/.exec(text);
    if (trailer && AGENCY_TRAILER.test(trailer[0])) {
      source ??= outletFromAgencyCode(trailer[0]);
      last.end = last.start + trailer.index;
    }
  }

  let blocks = content
    .map((block) => block.flatMap((line) => splitSentences(raw, line.start, line.end)))
    .filter((block) => block.length > 0);
  blocks = dropRepeatedLede(blocks);
  date ??= findDateInText(blocks.flat().map((s) => s.text).join(' '));
  return { date, source, caption, blocks };
}

/** Drops leading sentences that appear again, word for word, later in the article. */
function dropRepeatedLede(blocks: Span[][]): Span[][] {
  const sentences = blocks.flat();
  const firstBlock = blocks[0];
  if (!firstBlock) return blocks;
  let drop = 0;
  while (drop < firstBlock.length && drop < 3) {
    const key = normalise(firstBlock[drop].text);
    if (key.length < 20 || !sentences.slice(drop + 1).some((s) => normalise(s.text) === key)) break;
    drop++;
  }
  if (drop === 0) return blocks;
  const rest = firstBlock.slice(drop);
  return rest.length > 0 ? [rest, ...blocks.slice(1)] : blocks.slice(1);
}
