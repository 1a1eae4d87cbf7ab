import fs from 'node:fs';
import Database from 'better-sqlite3';

/** Whether this process may change `file` (a folder or a file): false on a read-only mount or without permission. */
export function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a database that this process may not write. SQLite cannot open a WAL database read-only when its
 * `-shm` file is absent and cannot be created (a read-only folder or mount), so the file is then read into
 * memory as a snapshot, its header marked as not WAL (without a `-wal` file every commit is in the file).
 */
export function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|CANTOPEN|IOERR)/.test(code)) throw error;
  }
  const image = fs.readFileSync(file);
  if (image.length > 19) image[18] = image[19] = 1;
  return new Database(image, { readonly: true });
}
