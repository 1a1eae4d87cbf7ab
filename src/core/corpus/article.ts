import { type Article, type MetaField, type Passage, type Provenance } from '../types.js';
import { readMarkdown } from '../sources/markdown.js';
import { textArticle } from '../sources/text.js';
import type { SourceArticle } from '../sources/types.js';
import { pathDate } from '../sources/dateline.js';
import { isOutletLike } from '../sources/metadata.js';
import { passagesOf } from './chunk.js';
import { cleanArticle, sentencesOf } from './clean.js';
import { detectLanguage } from '../text/language.js';
import type { ChunkOptions } from '../settings.js';

const TITLE_LENGTH = 100;
/** How much of the body's text the language is told from (an outsized article is not joined whole). */
const LANGUAGE_SAMPLE_CHARS = 50_000;

/**
 * Raised whenever reading an article changes what its passages, title, date or outlet are (title lines,
 * datelines, boilerplate): the index records it, and an index made under other rules is rebuilt once.
 */
export const ARTICLE_RULES = 3;

function headline(text: string): string {
  if (text.length <= TITLE_LENGTH) return text;
  const cut = text.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : TITLE_LENGTH).replace(/[,;:]$/, '')}…`;
}

/** The folder an article's file is in, when its name reads as an outlet ("detik/…", "kompas.com/…"). */
function folderOutlet(file: string): string | null {
  const parts = file.split('/');
  const folder = parts.length > 1 ? parts[parts.length - 2] : null;
  return folder && isOutletLike(folder) ? folder : null;
}

/** A value and where it came from; null when nothing gave one. */
type Found<T> = { value: T; from: Provenance } | null;

const found = <T>(value: T | null, from: Provenance): Found<T> => (value === null ? null : { value, from });

/** The start of the body's sentences joined, up to about `chars` characters. */
function bodySample(raw: string, runs: ReturnType<typeof cleanArticle>['runs'], chars: number): string {
  const texts: string[] = [];
  let length = 0;
  for (const { span } of sentencesOf(raw, runs)) {
    if (length >= chars) break;
    texts.push(span.text);
    length += span.text.length + 1;
  }
  return texts.join(' ');
}

/** An article read from its source: its metadata, and its passages produced as they are asked for. */
export interface ReadArticle {
  article: Article;
  passages: Iterable<Passage>;
  heading: string | null;
}

/**
 * Cleans and chunks a source article. Metadata its source gave wins; then evidence in the file: the title
 * line, the dateline (date and outlet), an agency code, a date in the path, an outlet-like folder; a title
 * from the first sentence and the language are guessed. Each field records where it came from.
 * `heading` is the title when it stands apart from the body (its own line, a record field), to be
 * searched with the article's first passage.
 */
export function readArticle(
  source: SourceArticle,
  chunking: ChunkOptions,
  isBoilerplate?: (line: string) => boolean,
): ReadArticle {
  const raw = source.text;
  const cleaned = cleanArticle(raw, {
    bodyStart: source.bodyStart,
    markdown: source.markdown,
    findTitle: source.title === null,
    isBoilerplate,
  });
  const first = sentencesOf(raw, cleaned.runs).next();
  const lead = first.done ? null : first.value.span.text;
  const fromSource = <F extends MetaField>(field: F): Found<NonNullable<SourceArticle[F]>> =>
    source[field] === null
      ? null
      : { value: source[field] as NonNullable<SourceArticle[F]>, from: source.found[field] ?? 'guessed' };
  const guessLanguage = () => {
    if (source.lang !== null) return null;
    const body = bodySample(raw, cleaned.runs, LANGUAGE_SAMPLE_CHARS);
    return body.trim() ? detectLanguage(body) : null;
  };
  const evidence: { [F in MetaField]: Found<NonNullable<SourceArticle[F]>>[] } = {
    title: [
      fromSource('title'),
      found(cleaned.title?.text ?? null, 'title-line'),
      found(cleaned.caption, 'guessed'),
      found(lead === null ? null : headline(lead), 'guessed'),
    ],
    date: [
      fromSource('date'),
      found(cleaned.date, cleaned.dateFrom === 'header' ? 'record' : 'dateline'),
      found(pathDate(source.file), 'path'),
    ],
    source: [
      fromSource('source'),
      found(cleaned.source, cleaned.sourceFrom ?? 'dateline'),
      found(folderOutlet(source.file), 'folder'),
    ],
    url: [fromSource('url')],
    lang: [fromSource('lang'), found(guessLanguage(), 'guessed')],
  };
  const provenance = {} as Record<MetaField, Provenance>;
  const pick = <F extends MetaField>(field: F) => {
    const first = evidence[field].find((e) => e !== null) ?? null;
    provenance[field] = first?.from ?? 'absent';
    return first?.value ?? null;
  };
  const title = pick('title');
  const article: Article = {
    file: source.id,
    raw,
    title: title ?? source.file,
    date: pick('date'),
    source: pick('source'),
    lang: pick('lang') ?? 'en',
    url: pick('url'),
    provenance,
  };
  if (source.id !== source.file)
    article.origin = source.line === undefined ? { file: source.file } : { file: source.file, line: source.line };
  const apart = provenance.title !== 'guessed' && provenance.title !== 'absent';
  return {
    article,
    passages: { [Symbol.iterator]: () => passagesOf(source.id, raw, sentencesOf(raw, cleaned.runs), chunking) },
    heading: apart ? article.title : null,
  };
}

/** A source article with all its passages at once. */
export function articleFromSource(
  source: SourceArticle,
  chunking: ChunkOptions,
  isBoilerplate?: (line: string) => boolean,
): { article: Article; passages: Passage[]; heading: string | null } {
  const read = readArticle(source, chunking, isBoilerplate);
  return { ...read, passages: [...read.passages] };
}

/** Reads one `.txt` or `.md` article's metadata and passages from its raw text. */
export function parseArticle(
  file: string,
  raw: string,
  chunking: ChunkOptions,
): { article: Article; passages: Passage[]; heading: string | null } {
  const source = /\.(md|markdown)$/i.test(file) ? readMarkdown(file, raw).articles[0] : textArticle(file, raw, false);
  return articleFromSource(source, chunking);
}
