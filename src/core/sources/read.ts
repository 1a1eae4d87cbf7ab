import path from 'node:path';
import { readCsv } from './csv.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';
import type { SourceOptions, SourceRead } from './types.js';

type Reader = (file: string, content: string, options: SourceOptions) => SourceRead;

const READERS: Record<string, Reader> = {
  '.txt': readText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.jsonl': readJsonl,
  '.ndjson': readJsonl,
  '.csv': readCsv,
  '.html': readHtml,
  '.htm': readHtml,
  '.xml': readFeed,
  '.rss': readFeed,
  '.atom': readFeed,
};

/** File extensions kabar reads articles from. */
export const SOURCE_EXTENSIONS = Object.keys(READERS);

/** Whether a file name has an extension kabar reads. */
export const isSourceFile = (name: string): boolean => path.extname(name).toLowerCase() in READERS;

/** The articles in one source file (`file` relative to the corpus, `content` its text), and warnings for what was skipped. */
export function readSource(file: string, content: string, options: SourceOptions = {}): SourceRead {
  const reader = READERS[path.extname(file).toLowerCase()];
  if (!reader) return { articles: [], warnings: [{ file, message: 'kabar does not read this kind of file' }] };
  return reader(file, content, options);
}
