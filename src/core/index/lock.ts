import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const locked = (dir: string, owner: string) =>
  new UserError('INDEX_LOCKED', `Another kabar process (pid ${owner}) is updating the index in ${dir}.`, {
    hint: 'Wait for it to finish, then try again.',
  });

function acquire(dir: string, file: string): void {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = fs.readFileSync(file, 'utf8').trim();
  if (alive(Number(owner)) && Number(owner) !== process.pid) throw locked(dir, owner);
  // The owner is gone: take the lock over, unless another process is quicker.
  fs.rmSync(file, { force: true });
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    throw locked(dir, fs.readFileSync(file, 'utf8').trim());
  }
}

/**
 * Holds the index's write lock (a file with the owner's pid) while `work` runs. A lock left behind
 * by a process that no longer runs is taken over.
 */
export async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'lock');
  acquire(dir, file);
  try {
    return await work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
