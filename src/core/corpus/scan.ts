import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Skipped } from '../types.js';
import { SYMBOLIC_LINK } from './skip-warnings.js';
import { isSourceFile, SOURCE_EXTENSIONS } from '../sources/read.js';

export interface CorpusFile {
  /** Path relative to the corpus directory (for a one-file corpus, the file's name), with forward slashes. */
  file: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

const KINDS = SOURCE_EXTENSIONS.join(', ');

/** What scanning reads from the file system; passed in so tests can make a folder unreadable or a file vanish. */
export interface ScanFs {
  readdir(folder: string): fs.Dirent[];
  stat(file: string): { size: number; mtimeMs: number };
}

const realFs: ScanFs = {
  readdir: (folder) => fs.readdirSync(folder, { withFileTypes: true }),
  stat: (file) => fs.statSync(file),
};

/** Each folder's modification time when it was listed, by its path relative to the corpus (`''` is the corpus itself). */
export type FolderTimes = Record<string, number>;

export interface ScanOptions {
  /** Told about each folder that cannot be read (its path ends in `/`) and each symbolic link, which are not followed. */
  onSkip?: (skip: Skipped) => void;
  /**
   * Told each folder's modification time, read before its entries (a file added, removed or renamed in it
   * later moves the time on again).
   */
  onFolder?: (relativeFolder: string, mtimeMs: number) => void;
  fs?: ScanFs;
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException)?.code;

/** The corpus itself: a folder, or one file of a kind kabar reads; anything else is the user's mistake, said plainly. */
export function corpusStat(dir: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UserError('CORPUS_MISSING', `The corpus ${dir} does not exist.`, {
      hint: 'Pass --corpus PATH (or set KABAR_CORPUS) to a folder of articles or to one archive or feed file.',
    });
  }
  if (!stat.isDirectory() && !isSourceFile(dir)) {
    throw new UserError('CORPUS_MISSING', `${dir} is not a kind of file kabar reads.`, {
      hint: `Pass --corpus PATH with a folder of articles or one file ending in ${KINDS}.`,
    });
  }
  return stat;
}

/**
 * Lists the source files under `relativeFolder` of the corpus `root` into `files`, descending into the
 * subfolders `descend` accepts. Paths are built by concatenation, not path.join/path.relative: a large
 * corpus has tens of thousands of files.
 */
function walkFolder(
  root: string,
  relativeFolder: string,
  files: CorpusFile[],
  options: ScanOptions,
  descend: (relativeFolder: string) => boolean,
): void {
  const io = options.fs ?? realFs;
  const folder = relativeFolder === '' ? root : root + path.sep + relativeFolder.split('/').join(path.sep);
  let entries: fs.Dirent[];
  try {
    if (options.onFolder) options.onFolder(relativeFolder, io.stat(folder).mtimeMs);
    entries = io.readdir(folder);
  } catch (error) {
    const code = errorCode(error);
    if (relativeFolder === '' && code !== 'EACCES' && code !== 'EPERM') throw error;
    if (code !== 'ENOENT')
      options.onSkip?.({
        file: `${relativeFolder || root}/`,
        reason: `it cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error')})`,
      });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const abs = folder + path.sep + entry.name;
    const file = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
    if (entry.isSymbolicLink()) options.onSkip?.({ file, reason: SYMBOLIC_LINK });
    else if (entry.isDirectory()) {
      if (descend(file)) walkFolder(root, file, files, options, descend);
    } else if (entry.isFile() && isSourceFile(entry.name)) {
      try {
        const { size, mtimeMs } = io.stat(abs);
        files.push({ file, abs, size, mtimeMs });
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
  }
}

const byFile = (a: CorpusFile, b: CorpusFile) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Lists the source files of a corpus: every file kabar reads (`.txt`, `.md`, `.jsonl`, `.csv`, `.html`, feeds…)
 * under a folder, recursively, skipping hidden folders and node_modules; or the one file the corpus is.
 * A subfolder that cannot be read is skipped and reported; a file that disappears while it is
 * listed is left out, as if deleted; symbolic links are not followed, and reported.
 */
export function scanCorpus(dir: string, options: ScanOptions = {}): CorpusFile[] {
  const stat = corpusStat(dir);
  if (!stat.isDirectory()) return [{ file: path.basename(dir), abs: dir, size: stat.size, mtimeMs: stat.mtimeMs }];
  const files: CorpusFile[] = [];
  walkFolder(path.resolve(dir), '', files, options, () => true);
  if (files.length === 0) {
    throw new UserError('CORPUS_EMPTY', `The corpus directory ${dir} has no articles.`, {
      hint: `Add files ending in ${KINDS} to it, or pass --corpus PATH with another folder or file.`,
    });
  }
  return files.sort(byFile);
}

/**
 * Lists only some folders of a corpus folder: the files directly in each of `folders` (a folder gone
 * has none), and everything under their subfolders that `known` does not name (new ones).
 */
export function scanFolders(
  dir: string,
  folders: string[],
  known: (relativeFolder: string) => boolean,
  options: ScanOptions = {},
): CorpusFile[] {
  const files: CorpusFile[] = [];
  const root = path.resolve(dir);
  for (const folder of folders) walkFolder(root, folder, files, options, (sub) => !known(sub));
  return files.sort(byFile);
}

/** A digest of a listing (paths, sizes, modification times, in order): equal digests, same listing. */
export function listingDigest(files: CorpusFile[]): string {
  const hash = crypto.createHash('sha1');
  for (const f of files) hash.update(`${f.file}\0${f.size}\0${f.mtimeMs}\n`);
  return hash.digest('hex');
}

/** `gone`: the file was deleted after it was listed. */
export type ReadResult = { ok: true; raw: string } | { ok: false; reason: string; gone?: true };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Byte-order marks of the UTF-16 files kabar decodes; offsets are then into the decoded text, after the mark. */
const UTF16 = [
  { bom: [0xff, 0xfe], encoding: 'utf-16le', name: 'UTF-16 LE' },
  { bom: [0xfe, 0xff], encoding: 'utf-16be', name: 'UTF-16 BE' },
] as const;

/** Reads an article as UTF-8 text (or UTF-16 with a byte-order mark), or says why it cannot be used (binary, not text, unreadable, gone). */
export function readArticleFile(abs: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'it was deleted', gone: true };
    return {
      ok: false,
      reason: code === 'EACCES' ? 'it cannot be read (permission denied)' : `it cannot be read (${code ?? 'error'})`,
    };
  }
  const utf16 = UTF16.find(({ bom }) => bytes[0] === bom[0] && bytes[1] === bom[1]);
  if (utf16) {
    try {
      return { ok: true, raw: new TextDecoder(utf16.encoding, { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { ok: false, reason: `it starts like ${utf16.name} text but is not valid ${utf16.name}` };
    }
  }
  if (bytes.includes(0)) return { ok: false, reason: 'it is a binary file, not text' };
  try {
    return { ok: true, raw: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text' };
  }
}
