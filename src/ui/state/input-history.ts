import fs from 'node:fs';
import path from 'node:path';
import { removeOrphanTemps, tempFileFor } from '../../core/index.js';

/** Questions typed at the prompt, kept between sessions. */
export interface InputHistoryStore {
  load(): string[];
  add(line: string): void;
}

/** Keeps nothing: for tests and when the index directory cannot be written. */
export const memoryHistory = (lines: string[] = []): InputHistoryStore => ({
  load: () => [...lines],
  add: (line) => void lines.push(line),
});

/**
 * `<dir>/history.jsonl`, one JSON string a line. Lines are appended one write each (a crash loses at
 * most the last line); once the file holds twice `cap` lines it is rewritten with the newest `cap`
 * through a temporary file and a rename (loading removes those of killed chats). Failures to read or
 * write never reach the chat.
 */
export function fileHistory(dir: string, cap = 500): InputHistoryStore {
  const file = path.join(dir, 'history.jsonl');
  let count = 0;
  const read = (): string[] => {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const lines: string[] = [];
    for (const line of raw.split('\n')) {
      if (!line) continue;
      try {
        const value: unknown = JSON.parse(line);
        if (typeof value === 'string') lines.push(value);
      } catch {
        // a torn last line from a crash: skip it
      }
    }
    return lines;
  };
  return {
    load() {
      removeOrphanTemps(file);
      const lines = read();
      count = lines.length;
      return lines.slice(-cap);
    },
    add(line) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
        count += 1;
        if (count >= cap * 2) {
          const kept = read().slice(-cap);
          const temp = tempFileFor(file);
          fs.writeFileSync(temp, kept.map((l) => `${JSON.stringify(l)}\n`).join(''));
          fs.renameSync(temp, file);
          count = kept.length;
        }
      } catch {
        // history is a convenience; a read-only index directory must not stop the chat
      }
    },
  };
}
