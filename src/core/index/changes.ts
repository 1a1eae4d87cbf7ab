import crypto from 'node:crypto';
import { readArticleFile, type CorpusFile } from '../corpus/scan.js';
import { readSource } from '../sources/read.js';
import { SIZE_LIMITS } from '../settings.js';
import type { SourceArticle, SourceOptions } from '../sources/types.js';
import type { ArticleVersion } from './port.js';
import type { Skipped } from '../types.js';

/** An article to (re)process, with the version of its source it will be stored under. */
export interface SourceWork {
  source: SourceArticle;
  version: ArticleVersion;
}

/** How the corpus differs from what the store holds. */
export interface CorpusChanges {
  /** New and changed articles, in corpus order. */
  work: SourceWork[];
  /** How many of `work` replace an article the store holds. */
  changed: number;
  unchanged: number;
  /** Unchanged articles whose source file moved on (size or modification time), to record. */
  touched: { id: string; version: ArticleVersion }[];
  /** Stored article ids that are gone from the corpus. */
  removed: string[];
  /** Files and records that could not be read, with why. */
  skipped: Skipped[];
}

export interface ChangeOptions extends SourceOptions {
  /** Files to re-read even though their size and modification time did not change. */
  recheck?: Set<string>;
  /** Called between files: lets Ctrl+C be heard, and stops the work when it was pressed. */
  breathe?: () => Promise<void>;
}

/**
 * What identifies an article's content: its text, the metadata its source gave and, for records, its line.
 * A record that moves to another line is re-stored, so citations keep naming the right line.
 */
export function articleHash(source: SourceArticle): string {
  const { text, title, date, source: outlet, url, lang, line, bodyStart } = source;
  return crypto
    .createHash('sha1')
    .update(text)
    .update(JSON.stringify([title, date, outlet, url, lang, line ?? null, bodyStart]))
    .digest('hex');
}

/** The source file each stored article id belongs to: the id itself for one-article files, else the file before `:key`. */
function fileOfId(id: string, files: Set<string>): string | undefined {
  if (files.has(id)) return id;
  for (let i = id.indexOf(':'); i !== -1; i = id.indexOf(':', i + 1))
    if (files.has(id.slice(0, i))) return id.slice(0, i);
  return undefined;
}

/**
 * Compares the corpus with the stored article versions. A file whose size and modification time match
 * every article stored from it is not read at all; a changed file is read and each of its articles is
 * compared by hash, so a grown archive costs only its new and changed records.
 */
export async function findChanges(
  files: CorpusFile[],
  known: Map<string, ArticleVersion>,
  previouslySkipped: Skipped[],
  options: ChangeOptions = {},
): Promise<CorpusChanges> {
  const names = new Set(files.map((f) => f.file));
  const storedIds = new Map<string, string[]>();
  const removed: string[] = [];
  for (const id of known.keys()) {
    const file = fileOfId(id, names);
    if (file === undefined) removed.push(id);
    else if (storedIds.has(file)) storedIds.get(file)!.push(id);
    else storedIds.set(file, [id]);
  }
  const skippedBefore = new Map<string, Skipped[]>();
  for (const s of previouslySkipped) {
    const list = skippedBefore.get(s.file);
    if (list) list.push(s);
    else skippedBefore.set(s.file, [s]);
  }
  const changes: CorpusChanges = { work: [], changed: 0, unchanged: 0, touched: [], removed, skipped: [] };
  // Loops, not push(...list): an archive may hold more records than a call takes arguments.
  const add = <T>(to: T[], list: Iterable<T>) => {
    for (const item of list) to.push(item);
  };
  for (const file of files) {
    await options.breathe?.();
    const ids = storedIds.get(file.file) ?? [];
    const same = (v: ArticleVersion) => v.size === file.size && v.mtimeMs === file.mtimeMs;
    const recheck = options.recheck?.has(file.file) || ids.some((id) => options.recheck?.has(id));
    if (ids.length > 0 && !recheck && ids.every((id) => same(known.get(id)!))) {
      changes.unchanged += ids.length;
      add(changes.skipped, skippedBefore.get(file.file) ?? []);
      continue;
    }
    const read = readArticleFile(file.abs);
    if (!read.ok && read.gone) {
      // Deleted between listing and reading: its articles are gone too.
      add(changes.removed, ids);
      continue;
    }
    if (!read.ok) {
      // What was indexed from a file that cannot be read now stays until the file can be read again.
      changes.skipped.push({ file: file.file, reason: read.reason });
      changes.unchanged += ids.length;
      continue;
    }
    const source = await readSource(file.file, read.raw, options);
    const warnings = [...source.warnings];
    // An article too long to index in bounded memory is a named skip, as a broken record is.
    const articles = source.articles.filter((a) => {
      if (a.text.length <= SIZE_LIMITS.articleChars) return true;
      warnings.push({
        file: a.file,
        ...(a.line === undefined ? {} : { line: a.line }),
        message: `the article's text is ${a.text.length.toLocaleString('en')} characters, over kabar's limit of ${SIZE_LIMITS.articleChars.toLocaleString('en')}`,
      });
      return false;
    });
    for (const w of warnings)
      changes.skipped.push(
        w.line === undefined ? { file: w.file, reason: w.message } : { file: w.file, line: w.line, reason: w.message },
      );
    if (articles.length === 0 && warnings.length > 0) {
      // Nothing but problems (a feed cut off while a scraper writes it, a page saved without its body):
      // what was indexed from the file stays, as for a file that cannot be read, until it reads again.
      changes.unchanged += ids.length;
      continue;
    }
    const present = new Set<string>();
    for (const source of articles) {
      present.add(source.id);
      const version = { size: file.size, mtimeMs: file.mtimeMs, hash: articleHash(source) };
      const stored = known.get(source.id);
      if (stored?.hash === version.hash) {
        changes.unchanged++;
        if (!same(stored)) changes.touched.push({ id: source.id, version });
        continue;
      }
      if (stored) changes.changed++;
      changes.work.push({ source, version });
    }
    add(
      changes.removed,
      ids.filter((id) => !present.has(id)),
    );
  }
  return changes;
}
