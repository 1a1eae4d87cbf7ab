import { createRequire } from 'node:module';
import { detectFields } from './fields.js';
import { textArticle } from './text.js';
import { dateValue, langValue, plainLine, urlValue } from './values.js';
import type { SourceRead, SourceWarning } from './types.js';

/** The YAML parser, loaded only when a file has front matter: most commands never need it. */
const loadYaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** `---` YAML front matter at the very start of the file, up to the closing `---` (or `...`) line. */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * A Markdown file is one article; offsets still point into the file. YAML front matter (`title`, `date`,
 * `source`/`outlet`, `url`, `lang`) is read and wins over guesses, and is not part of the article's text.
 */
export function readMarkdown(file: string, content: string): SourceRead {
  const article = textArticle(file, content, true);
  const warnings: SourceWarning[] = [];
  const block = FRONT_MATTER.exec(content);
  if (!block || block.index !== 0) return { articles: [article], warnings };
  article.bodyStart = block[0].length;
  const { parse, YAMLError } = loadYaml();
  let data: unknown;
  try {
    // logLevel 'error': the parser's warnings (an unknown tag) would print the raw line through Node.
    data = parse(block[1], { maxAliasCount: 10, logLevel: 'error' });
  } catch (error) {
    const line = error instanceof YAMLError ? (error.linePos?.[0].line ?? 0) + 1 : undefined;
    warnings.push({
      file,
      line,
      message: `the front matter is not valid YAML and was ignored (${(error as Error).message.split('\n')[0]})`,
    });
    return { articles: [article], warnings };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { articles: [article], warnings };
  const record = data as Record<string, unknown>;
  const fields = detectFields(Object.keys(record));
  const get = (field: keyof typeof fields) => (fields[field] ? record[fields[field]!] : undefined);
  const toDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : dateValue(value));
  article.title = plainLine(get('title'));
  article.date = toDate(get('date'));
  article.source = plainLine(get('source'));
  article.url = urlValue(get('url'));
  article.lang = langValue(get('lang'));
  for (const field of ['title', 'date', 'source', 'url', 'lang'] as const)
    if (article[field] !== null) article.found[field] = 'front-matter';
  return { articles: [article], warnings };
}
