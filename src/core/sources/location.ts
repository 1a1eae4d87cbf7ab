import type { ArticleMeta, ArticleSpan } from '../types.js';
import { offsetsIntoFile } from './read.js';

/** Where a span of an article is in the corpus, for people: a file, and a line when one means something. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/** The 1-based line of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A record of an archive or feed is at its record's line; a `.txt`/`.md` article at the line of `start` in
 * its file; a saved page is its file (its offsets point into the extracted text, which has no lines of the file).
 */
export function sourceLocation(
  article: Pick<ArticleMeta, 'file' | 'origin'>,
  raw: string,
  start: number,
): SourceLocation {
  if (article.origin) return article.origin;
  if (offsetsIntoFile(article.file)) return { file: article.file, line: lineOf(raw, start) };
  return { file: article.file };
}

export const formatLocation = (location: SourceLocation): string =>
  location.line === undefined ? location.file : `${location.file}:${location.line}`;

/** The source details a span of an article carries besides its id: the record's file and line, and the URL, when known. */
export const spanSource = (article: Pick<ArticleMeta, 'origin' | 'url'>): Pick<ArticleSpan, 'origin' | 'url'> => ({
  ...(article.origin ? { origin: article.origin } : {}),
  ...(article.url ? { url: article.url } : {}),
});
