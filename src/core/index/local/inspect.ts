import fs from 'node:fs';
import path from 'node:path';
import type { IndexSummary } from '../port.js';
import type { Manifest } from '../manifest.js';
import type { Skipped } from '../../types.js';
import { openReadOnly } from './read-only.js';
import { DATABASE } from './sqlite-store.js';

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

function summary(dir: string): IndexSummary {
  const counts = { articles: 0, passages: 0, skipped: 0 };
  const file = path.join(dir, DATABASE);
  if (!fs.existsSync(file))
    return { dir, manifest: null, counts, skipped: [], bytes: folderBytes(dir), problem: 'no finished index' };
  const db = openReadOnly(file);
  try {
    const meta = (key: string) =>
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    const manifest = meta('manifest');
    if (!manifest)
      return { dir, manifest: null, counts, skipped: [], bytes: folderBytes(dir), problem: 'no finished index' };
    counts.articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    counts.passages = Number(meta('passages') ?? 0);
    const skipped = JSON.parse(meta('skipped') ?? '[]') as Skipped[];
    counts.skipped = skipped.length;
    return { dir, manifest: JSON.parse(manifest) as Manifest, counts, skipped, bytes: folderBytes(dir) };
  } finally {
    db.close();
  }
}

/** Every embedder's index in an index directory, read without changing anything. */
export function inspectIndexes(indexDir: string): IndexSummary[] {
  if (!fs.existsSync(indexDir)) return [];
  return fs
    .readdirSync(indexDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = path.join(indexDir, e.name);
      try {
        return summary(dir);
      } catch (error) {
        return {
          dir,
          manifest: null,
          counts: { articles: 0, passages: 0, skipped: 0 },
          skipped: [],
          bytes: 0,
          problem: `unreadable (${(error as Error).message})`,
        };
      }
    });
}
