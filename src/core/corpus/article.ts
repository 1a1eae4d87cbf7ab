import { META_FIELDS, type Article, type Passage } from '../types.js';
import { readMarkdown } from '../sources/markdown.js';
import { textArticle } from '../sources/text.js';
import type { SourceArticle } from '../sources/types.js';
import { chunkArticle, type ChunkOptions } from './chunk.js';
import { cleanArticle } from './clean.js';
import { detectLanguage } from '../text/language.js';

const TITLE_LENGTH = 100;

function headline(text: string): string {
  if (text.length <= TITLE_LENGTH) return text;
  const cut = text.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : TITLE_LENGTH).replace(/[,;:]$/, '')}…`;
}

/**
 * Cleans and chunks a source article; metadata its source gave wins, the rest is guessed from the text
 * (title, date, outlet, language), and each field records where it came from.
 */
export function articleFromSource(source: SourceArticle, chunking: ChunkOptions): { article: Article; passages: Passage[] } {
  const raw = source.text;
  const cleaned = cleanArticle(raw, { bodyStart: source.bodyStart, markdown: source.markdown });
  const sentences = cleaned.blocks.flat();
  const body = sentences.map((s) => s.text).join(' ');
  const guessed = {
    title: cleaned.caption ?? (sentences[0] ? headline(sentences[0].text) : null),
    date: cleaned.date,
    source: cleaned.source,
    url: null,
    lang: body.trim() ? detectLanguage(body) : null,
  };
  const provenance = {} as Article['provenance'] & object;
  const pick = <F extends (typeof META_FIELDS)[number]>(field: F) => {
    const value = source[field] ?? guessed[field];
    provenance[field] = source[field] !== null ? (source.found[field] ?? 'guessed') : value !== null ? 'guessed' : 'absent';
    return value;
  };
  const article: Article = {
    file: source.id,
    raw,
    title: pick('title') ?? source.file,
    date: pick('date'),
    source: pick('source'),
    lang: pick('lang') ?? 'en',
    url: pick('url'),
    provenance,
  };
  if (source.id !== source.file) article.origin = source.line === undefined ? { file: source.file } : { file: source.file, line: source.line };
  return { article, passages: chunkArticle(source.id, raw, cleaned.blocks, chunking) };
}

/** Reads one `.txt` or `.md` article's metadata and passages from its raw text. */
export function parseArticle(file: string, raw: string, chunking: ChunkOptions): { article: Article; passages: Passage[] } {
  const source = /\.(md|markdown)$/i.test(file) ? readMarkdown(file, raw).articles[0] : textArticle(file, raw, false);
  return articleFromSource(source, chunking);
}
