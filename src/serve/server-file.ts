import fs from 'node:fs';
import path from 'node:path';

/** The file in the index folder that says a `kabar serve` runs for it, and where. */
export const SERVER_FILE = 'serve.json';

/** What the server file says: the address, the process, and what it serves (so a CLI with other settings does not use it). */
export interface ServerRecord {
  url: string;
  pid: number;
  corpus: string;
  /** A digest of the settings that shape answers (corpus, store, embedder, answerer): a command uses the server only when its own are the same. */
  settings: string;
  /** Whether requests need a token (the token itself is never written). */
  token: boolean;
}

const fileIn = (indexDir: string) => path.join(indexDir, SERVER_FILE);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The running server of an index folder, or null when there is none; a file left by a process that is gone is ignored. */
export function readServerRecord(indexDir: string): ServerRecord | null {
  let record: ServerRecord;
  try {
    record = JSON.parse(fs.readFileSync(fileIn(indexDir), 'utf8')) as ServerRecord;
  } catch {
    return null;
  }
  if (typeof record?.url !== 'string' || !Number.isInteger(record.pid) || !alive(record.pid)) return null;
  return record;
}

/** Writes the server file (readable by its owner only); the returned function removes it if it is still this process's. */
export function writeServerRecord(indexDir: string, record: ServerRecord): () => void {
  fs.mkdirSync(indexDir, { recursive: true });
  const file = fileIn(indexDir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return () => {
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as ServerRecord).pid === record.pid) fs.rmSync(file);
    } catch {
      // Already gone.
    }
  };
}
