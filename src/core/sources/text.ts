import type { SourceArticle, SourceRead } from './types.js';

/** A plain-text file is one article; its metadata is guessed from the text later. */
export function readText(file: string, content: string): SourceRead {
  return { articles: [textArticle(file, content, false)], warnings: [] };
}

/** A one-article file whose offsets point into the file itself. */
export function textArticle(file: string, content: string, markdown: boolean): SourceArticle {
  return {
    id: file,
    file,
    text: content,
    bodyStart: 0,
    markdown,
    title: null,
    date: null,
    source: null,
    url: null,
    lang: null,
    found: {},
  };
}
