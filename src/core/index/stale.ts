import fs from 'node:fs';
import path from 'node:path';
import { offsetsIntoFile } from '../sources/read.js';
import type { Passage } from '../types.js';

/**
 * Whether the article's file still holds the passage's text at its offsets. An edit that keeps the
 * size and modification time slips past refresh; this catches it before the passage is shown.
 * An article that is not a readable file (a record of an archive, a feed item) has nothing to check.
 */
export function sliceMatchesSource(corpusDir: string, passage: Passage): boolean {
  if (!offsetsIntoFile(passage.file)) return true;
  let text: string;
  try {
    text = fs.readFileSync(path.join(corpusDir, passage.file), 'utf8');
  } catch {
    return true;
  }
  return text.slice(passage.start, passage.end) === passage.text;
}

/** The articles among the passages' whose file no longer holds their text. */
export const staleArticles = (corpusDir: string, passages: Passage[]): string[] => [
  ...new Set(passages.filter((p) => !sliceMatchesSource(corpusDir, p)).map((p) => p.file)),
];
