import fs from 'node:fs';
import path from 'node:path';

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with what `write(tmp)` puts in a temporary file beside it: the temporary file is
 * written, synced, renamed over `file`, and the folder synced. A crash at any moment leaves either the
 * old file or the new one, never a mix; a failed write removes the temporary file.
 */
export async function writeAtomically(file: string, write: (tmp: string) => void | Promise<void>): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    fsyncPath(tmp);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncPath(dir);
}
