import fs from 'node:fs';
import readline from 'node:readline';

/**
 * Line-delimited JSON files: large indexes are written and read one record at a time, so no single
 * string ever has to hold the whole corpus.
 */
export async function writeLines(file: string, records: Iterable<unknown>): Promise<void> {
  const handle = await fs.promises.open(file, 'w');
  try {
    let buffer = '';
    for (const record of records) {
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length > 1 << 20) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    if (buffer) await handle.write(buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function* readLines<T>(file: string): AsyncGenerator<T> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}
