import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The generated data kabar ships in data/ at the package root (the derived lexicon, the antonyms, the
 * reader's weights), each written by the script its `_generated` field names. This module sits one
 * folder below the root's src/ or dist/, so the same relative path finds data/ under tsx and after tsc.
 */
const DATA_DIR = new URL('../../data/', import.meta.url);

/** A data file, read and parsed once per call: callers keep what they need. */
export function readData<T>(name: string): T {
  return JSON.parse(fs.readFileSync(fileURLToPath(new URL(name, DATA_DIR)), 'utf8')) as T;
}

/** A field of lines as the text it was cut from: one line each, with a line break before and after. */
export const linesText = (lines: readonly string[]): string => `\n${lines.join('\n')}\n`;
