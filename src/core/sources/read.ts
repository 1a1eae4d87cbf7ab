import path from 'node:path';
import type { SourceOptions, SourceRead } from './types.js';

type Reader = (file: string, content: string, options: SourceOptions) => SourceRead;

// Each format's reader (and its parsing library) is loaded on first use: a command that opens an index pays for none.
const text = async (): Promise<Reader> => (await import('./text.js')).readText;
const markdown = async (): Promise<Reader> => (await import('./markdown.js')).readMarkdown;
const jsonl = async (): Promise<Reader> => (await import('./jsonl.js')).readJsonl;
const csv = async (): Promise<Reader> => (await import('./csv.js')).readCsv;
const html = async (): Promise<Reader> => (await import('./html.js')).readHtml;
const feed = async (): Promise<Reader> => (await import('./feed.js')).readFeed;

const READERS: Record<string, () => Promise<Reader>> = {
  '.txt': text,
  '.md': markdown,
  '.markdown': markdown,
  '.jsonl': jsonl,
  '.ndjson': jsonl,
  '.csv': csv,
  '.html': html,
  '.htm': html,
  '.xml': feed,
  '.rss': feed,
  '.atom': feed,
};

/** File extensions kabar reads articles from. */
export const SOURCE_EXTENSIONS = Object.keys(READERS);

/** Whether an article with this id is a whole `.txt`/`.md` file, so its offsets are offsets into that file. */
export const offsetsIntoFile = (id: string): boolean => /\.(txt|md|markdown)$/i.test(id) && !id.includes(':');

/** Whether a file name has an extension kabar reads. */
export const isSourceFile = (name: string): boolean => path.extname(name).toLowerCase() in READERS;

/** The articles in one source file (`file` relative to the corpus, `content` its text), and warnings for what was skipped. */
export async function readSource(file: string, content: string, options: SourceOptions = {}): Promise<SourceRead> {
  const load = READERS[path.extname(file).toLowerCase()];
  if (!load) return { articles: [], warnings: [{ file, message: 'kabar does not read this kind of file' }] };
  const reader = await load();
  try {
    return reader(file, content, options);
  } catch {
    // A parser that throws on one hostile or damaged file must not stop the others: the file is a named skip.
    return { articles: [], warnings: [{ file, message: 'the file could not be parsed' }] };
  }
}
