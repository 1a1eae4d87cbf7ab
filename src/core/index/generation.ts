import fs from 'node:fs';
import path from 'node:path';

/**
 * An index directory holds immutable generations (`g-…/`) and a `CURRENT` file naming the live one.
 * A new generation is written completely and synced before `CURRENT` is replaced by a rename, so a
 * process killed at any moment leaves the previous generation in use. The generation before the live
 * one is kept for readers that opened it a moment earlier.
 */
const CURRENT = 'CURRENT';

export function currentGeneration(dir: string): string | null {
  let name: string;
  try {
    name = fs.readFileSync(path.join(dir, CURRENT), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!/^g-[\w-]+$/.test(name)) throw new Error(`${path.join(dir, CURRENT)} does not name a generation`);
  return path.join(dir, name);
}

/** Creates an empty folder for a new generation. */
export function newGeneration(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const name = `g-${Date.now().toString(36)}-${process.pid}`;
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  return folder;
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a fully written generation the live one and removes all but it and its predecessor. */
export function publishGeneration(dir: string, folder: string): void {
  syncDir(folder);
  const previous = currentGeneration(dir);
  const tmp = path.join(dir, `${CURRENT}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, `${path.basename(folder)}\n`);
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, path.join(dir, CURRENT));
  syncDir(dir);
  const keep = new Set([path.basename(folder), previous && path.basename(previous)]);
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('g-') && !keep.has(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}

/** Removes a generation that was never published (after an error or cancellation). */
export function discardGeneration(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}
