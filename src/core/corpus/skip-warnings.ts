import type { Skipped } from '../types.js';

/** The reason recorded for a symbolic link in the corpus, which kabar does not follow. */
export const SYMBOLIC_LINK = 'it is a symbolic link, which is not followed';

/** Warnings about one file beyond this many are summed up in one line. */
const WARNINGS_PER_FILE = 5;

const keyOf = (s: Skipped): string => `${s.file}\0${s.line ?? ''}\0${s.reason}`;

/** One text per skip list, equal when the lists are: to tell whether what was skipped changed. */
export const skippedKey = (list: Skipped[]): string => list.map(keyOf).join('\n');

/**
 * The warnings for what was skipped, leaving out what is in `known` (what earlier commands already
 * warned about): a few lines per file or folder, then how many more records of it, and one line
 * counting the symbolic links.
 */
export function skipWarnings(skipped: Skipped[], known: Skipped[] = []): string[] {
  const warned = new Set(known.map(keyOf));
  const lines: string[] = [];
  const perFile = new Map<string, number>();
  let links = 0;
  for (const s of skipped) {
    if (warned.has(keyOf(s))) continue;
    if (s.reason === SYMBOLIC_LINK) {
      links += 1;
      continue;
    }
    const n = (perFile.get(s.file) ?? 0) + 1;
    perFile.set(s.file, n);
    if (n > WARNINGS_PER_FILE) continue;
    if (s.file.endsWith('/')) lines.push(`Skipped the folder ${s.file.slice(0, -1)}: ${s.reason}.`);
    else lines.push(`Skipped ${s.file}${s.line === undefined ? '' : ` line ${s.line}`}: ${s.reason}.`);
  }
  for (const [file, n] of perFile)
    if (n > WARNINGS_PER_FILE)
      lines.push(`Skipped ${n - WARNINGS_PER_FILE} more records of ${file} (kabar index --json lists them all).`);
  if (links) lines.push(`${links} symbolic link${links === 1 ? ' was' : 's were'} not followed.`);
  return lines;
}
