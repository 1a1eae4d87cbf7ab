import fs from 'node:fs';
import path from 'node:path';

/** Whether a process with this id is running (EPERM: it is, but belongs to another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary file this process writes before renaming it over `file`: `<file>.<pid>.tmp`. */
export const tempFileFor = (file: string): string => `${file}.${process.pid}.tmp`;

/**
 * Removes the temporary files of `file` (`<file>.<pid>.tmp`, see `tempFileFor`) whose process is no
 * longer running: what a process killed while rewriting `file` left behind. A running writer's
 * temporary file is left alone.
 */
export function removeOrphanTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)\.tmp$/.exec(entry.slice(prefix.length))?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid)))
      fs.rmSync(path.join(dir, entry), { force: true });
  }
}
