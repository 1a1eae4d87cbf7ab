import { UserError, isUserError, type ErrorCode } from '../errors.js';
import type { Skipped } from '../types.js';
import { startWorker } from '../worker.js';
import { listingDigest, scanCorpus, type CorpusFile, type FolderTimes } from './scan.js';

/** A corpus listing: its digest and what was skipped at once; the files themselves, when needed. */
export interface CorpusListing {
  /** When listing began (`performance.now()`). */
  startedAt: number;
  digest: string;
  skips: Skipped[];
  files(): CorpusFile[];
  /** Each folder's modification time as listed (a corpus that is one file has none). */
  folders: FolderTimes;
  /**
   * A partial listing (`listChangedFolders`): the folders it looked at, and whether a stored article id
   * or a skipped file lies in them; what lies elsewhere is as the index has it. Absent for a full listing.
   */
  scope?: { folders: string[]; covers: (id: string) => boolean };
}

/** How a listing travels from the worker: paths as NUL-separated text and sizes and times as numbers, so it copies fast. */
export type ListingMessage =
  | {
      type: 'listed';
      digest: string;
      skips: Skipped[];
      folders: FolderTimes;
      files: string;
      paths: string;
      numbers: Float64Array;
    }
  | { type: 'error'; code?: ErrorCode; message: string; hint?: string };

/** Lists the corpus on this thread. */
export function listCorpus(dir: string): CorpusListing {
  const startedAt = performance.now();
  const skips: Skipped[] = [];
  const folders: FolderTimes = {};
  const files = scanCorpus(dir, {
    onSkip: (skip) => skips.push(skip),
    onFolder: (folder, mtimeMs) => (folders[folder] = mtimeMs),
  });
  return { startedAt, digest: listingDigest(files), skips, files: () => files, folders };
}

/** What the worker sends for a listing made on its thread. */
export function listingMessage(dir: string): ListingMessage {
  try {
    const listing = listCorpus(dir);
    const files = listing.files();
    const numbers = new Float64Array(files.length * 2);
    files.forEach((f, i) => numbers.set([f.size, f.mtimeMs], i * 2));
    return {
      type: 'listed',
      digest: listing.digest,
      skips: listing.skips,
      folders: listing.folders,
      files: files.map((f) => f.file).join('\0'),
      paths: files.map((f) => f.abs).join('\0'),
      numbers,
    };
  } catch (error) {
    return isUserError(error)
      ? { type: 'error', code: error.code, message: error.message, hint: error.hint }
      : { type: 'error', message: (error as Error).message };
  }
}

/**
 * Lists the corpus on a worker thread (`stat`-ing every file is a command's largest cost on a big
 * corpus), so the caller opens the index meanwhile. A rejection is handled by whoever awaits it.
 * `signal` stops the worker when the listing turns out not to be needed.
 */
export function listCorpusOffThread(dir: string, signal?: AbortSignal): Promise<CorpusListing> {
  const startedAt = performance.now();
  const listing = new Promise<CorpusListing>((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'listing-worker', dir);
    signal?.addEventListener(
      'abort',
      () => {
        reject(signal.reason);
        void worker.terminate();
      },
      { once: true },
    );
    worker.once('error', reject);
    worker.once('message', (message: ListingMessage) => {
      if (message.type === 'error') {
        reject(
          message.code
            ? new UserError(message.code, message.message, { hint: message.hint })
            : new Error(message.message),
        );
        return;
      }
      const { digest, skips, folders, numbers } = message;
      let files: CorpusFile[] | undefined;
      resolve({
        startedAt,
        digest,
        skips,
        folders,
        files: () => {
          if (!files) {
            const paths = message.paths.split('\0');
            files = message.files
              .split('\0')
              .map((file, i) => ({ file, abs: paths[i], size: numbers[i * 2], mtimeMs: numbers[i * 2 + 1] }));
          }
          return files;
        },
      });
    });
  });
  listing.catch(() => {});
  return listing;
}
