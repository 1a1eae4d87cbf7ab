import { UserError } from '../errors.js';

/** Whether an error (from Node's fs or from SQLite) means the device has no space left. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export const diskFullError = (dir: string, cause?: unknown): UserError =>
  new UserError('DISK_FULL', `No space left on the device holding the index (${dir}); free space or use --index DIR.`, {
    cause,
  });
