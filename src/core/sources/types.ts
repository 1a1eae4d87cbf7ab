import type { Lang, MetaField, Provenance } from '../types.js';

export type { MetaField, Provenance };

/** One article as a source file gives it, before cleaning, guessing and chunking. */
export interface SourceArticle {
  /**
   * Stable id, unique in the corpus: the file for one-article files; for records `file:key` where the key is
   * the record's id, else its URL, else its line number.
   */
  id: string;
  /** Path of the source file relative to the corpus, with forward slashes. */
  file: string;
  /** 1-based line where the record starts, for line-based archives (JSONL, CSV). */
  line?: number;
  /**
   * The article's text; every offset points into it. For `.txt`/`.md` it is the file itself; for records,
   * pages and feed items it is the extracted text.
   */
  text: string;
  /** Where the article's body starts in `text` (after Markdown front matter); 0 otherwise. */
  bodyStart: number;
  /** Markdown: heading markers (`# `) are not part of the text's sentences. */
  markdown: boolean;
  title: string | null;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  date: string | null;
  source: string | null;
  url: string | null;
  lang: Lang | null;
  /** Where each non-null field above came from. */
  found: Partial<Record<MetaField, Provenance>>;
}

/** Bad input that was skipped: which file, which line when known, and why. */
export interface SourceWarning {
  file: string;
  line?: number;
  message: string;
}

export interface SourceRead {
  articles: SourceArticle[];
  warnings: SourceWarning[];
}

/** Which record field holds which piece of an article (`text` → `body`), for JSONL and CSV archives. */
export type FieldMap = Partial<Record<RecordField, string>>;
export const RECORD_FIELDS = ['id', 'text', 'title', 'date', 'source', 'url', 'lang'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export interface SourceOptions {
  fields?: FieldMap;
}
