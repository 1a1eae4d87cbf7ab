import fs from 'node:fs';
import path from 'node:path';
import type { Passage } from '../types.js';

/**
 * Whether the article's file still holds the passage's text at its offsets. An edit that keeps the
 * size and modification time slips past refresh; this catches it before the passage is shown.
 * An article that is not a readable file (a record of an archive, a feed item) has nothing to check.
 */
export function sliceMatchesSource(corpusDir: string, passage: Passage): boolean {
  let text: string;
  try {
    text = fs.readFileSync(path.join(corpusDir, passage.file), 'utf8');
  } catch {
    return true;
  }
  return text.slice(passage.start, passage.end) === passage.text;
}
