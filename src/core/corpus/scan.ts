import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

export interface CorpusFile {
  /** Path relative to the corpus directory, with forward slashes. */
  file: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

const ARTICLE = /\.(txt|md)$/i;

/** Lists the article files (`.txt`, `.md`) under a directory, skipping hidden folders and node_modules. */
export function scanCorpus(dir: string): CorpusFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UserError('CORPUS_MISSING', `The corpus directory ${dir} does not exist.`, {
      hint: 'Pass --corpus DIR (or set KABAR_CORPUS) to a folder of .txt or .md articles.',
    });
  }
  if (!stat.isDirectory()) {
    throw new UserError('CORPUS_MISSING', `${dir} is a file, not a directory of articles.`, {
      hint: 'Pass --corpus DIR with the folder that holds the articles.',
    });
  }
  const files: CorpusFile[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const abs = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && ARTICLE.test(entry.name)) {
        const { size, mtimeMs } = fs.statSync(abs);
        files.push({ file: path.relative(dir, abs).split(path.sep).join('/'), abs, size, mtimeMs });
      }
    }
  };
  walk(dir);
  if (files.length === 0) {
    throw new UserError('CORPUS_EMPTY', `The corpus directory ${dir} has no .txt or .md articles.`, {
      hint: 'Add article files to it or pass --corpus DIR with another folder.',
    });
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export type ReadResult = { ok: true; raw: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads an article as UTF-8 text, or says why it cannot be used (binary, not UTF-8, unreadable). */
export function readArticleFile(abs: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EACCES' ? 'it cannot be read (permission denied)' : `it cannot be read (${code ?? 'error'})` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'it is a binary file, not text' };
  try {
    return { ok: true, raw: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text' };
  }
}
