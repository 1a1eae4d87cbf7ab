import fs from 'node:fs';
import path from 'node:path';
import { currentGeneration } from './generation.js';
import type { Manifest } from './manifest.js';
import { readManifest } from './store.js';

export interface IndexSummary {
  /** The embedder's folder inside the index directory. */
  dir: string;
  manifest: Manifest | null;
  bytes: number;
  problem?: string;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
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
        const generation = currentGeneration(dir);
        if (!generation) return { dir, manifest: null, bytes: folderBytes(dir), problem: 'no finished index' };
        return { dir, manifest: readManifest(generation), bytes: folderBytes(generation) };
      } catch (error) {
        return { dir, manifest: null, bytes: 0, problem: `unreadable (${(error as Error).message})` };
      }
    });
}
