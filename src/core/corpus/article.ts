import type { Article, Passage } from '../types.js';
import { chunkArticle, type ChunkOptions } from './chunk.js';
import { cleanArticle } from './clean.js';
import { detectLanguage } from './language.js';

const TITLE_LENGTH = 100;

function headline(text: string): string {
  if (text.length <= TITLE_LENGTH) return text;
  const cut = text.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : TITLE_LENGTH).replace(/[,;:]$/, '')}…`;
}

/** Reads one article's metadata and passages from its raw text. */
export function parseArticle(file: string, raw: string, chunking: ChunkOptions): { article: Article; passages: Passage[] } {
  const cleaned = cleanArticle(raw);
  const sentences = cleaned.blocks.flat();
  const body = sentences.map((s) => s.text).join(' ');
  const article: Article = {
    file,
    raw,
    title: cleaned.caption ?? headline(sentences[0]?.text ?? file),
    date: cleaned.date,
    source: cleaned.source,
    lang: detectLanguage(body),
  };
  return { article, passages: chunkArticle(file, raw, cleaned.blocks, chunking) };
}
