import fs from 'node:fs';
import path from 'node:path';
import type { CorpusListing } from '../corpus/listing.js';
import { scanFolders, type FolderTimes } from '../corpus/scan.js';
import type { Skipped } from '../types.js';

/**
 * The folder of the corpus a stored article id (or a skipped file) lies in, among `folders`: the longest
 * of them its path starts with (`''`, the corpus itself, when none). A record's key may hold a `/`, so
 * every cut is tried, longest first.
 */
export function folderOf(id: string, folders: FolderTimes): string {
  for (let i = id.lastIndexOf('/'); i > 0; i = id.lastIndexOf('/', i - 1)) {
    const folder = id.slice(0, i);
    if (folder in folders) return folder;
  }
  return '';
}

/**
 * The corpus seen through its folders' modification times, recorded at the last refresh: a folder gets
 * a new time when a file is added to it, removed from it or renamed into it (as editors and most
 * download tools save a file), so only the folders whose time moved are listed again, with their new
 * subfolders. A file rewritten in place keeps its folder's time: this check does not see that edit
 * (`kabar index` lists every file and does). Stats one folder per recorded folder, not one per file.
 */
export function listChangedFolders(corpusDir: string, recorded: FolderTimes): CorpusListing {
  const startedAt = performance.now();
  const root = path.resolve(corpusDir);
  const changed: string[] = [];
  const folders: FolderTimes = {};
  for (const [folder, mtimeMs] of Object.entries(recorded)) {
    let now: number | undefined;
    try {
      now = fs.statSync(folder === '' ? root : path.join(root, folder)).mtimeMs;
    } catch {
      now = undefined;
    }
    if (now === mtimeMs) folders[folder] = mtimeMs;
    else changed.push(folder);
  }
  const skips: Skipped[] = [];
  const files =
    changed.length === 0
      ? []
      : scanFolders(root, changed, (folder) => folder in recorded, {
          onSkip: (skip) => skips.push(skip),
          onFolder: (folder, mtimeMs) => (folders[folder] = mtimeMs),
        });
  const looked = new Set(changed);
  return {
    startedAt,
    digest: '',
    skips,
    files: () => files,
    folders,
    scope: { folders: changed, covers: (id) => looked.has(folderOf(id, recorded)) },
  };
}
