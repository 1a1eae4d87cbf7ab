import fs from 'node:fs';
import { UserError, removeOrphanTemps, tempFileFor } from '../core/index.js';

/** Reads a file named on the command line, or standard input for `-`, with a UserError for every failure. */
export async function readInput(file: string, what: string): Promise<string> {
  if (file === '-') {
    if (process.stdin.isTTY)
      throw new UserError('BAD_FLAG', `Nothing to read: ${what} is - (standard input) but nothing is piped in.`, {
        hint: `Pipe ${what} in, or name a file.`,
      });
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    const bytes = fs.readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0))
      throw new UserError('BAD_QUESTION_FILE', `${file} is a binary file, not ${what}.`, {
        hint: 'Give a JSON Lines or CSV text file.',
      });
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError('NOT_FOUND', `${file} does not exist.`, { hint: `Check the path of ${what}.` });
    if (code === 'EISDIR')
      throw new UserError('BAD_FLAG', `${file} is a directory, not ${what}.`, { hint: 'Name a file.' });
    throw new UserError('NOT_FOUND', `${file} cannot be read (${code ?? 'error'}).`, {
      hint: 'Check its permissions.',
    });
  }
}

/** The question of `kabar ask`: its words joined, or standard input for a lone `-`. */
export async function questionFrom(words: string[]): Promise<string> {
  return words.length === 1 && words[0] === '-' ? (await readInput('-', 'the question')).trim() : words.join(' ');
}

/** Writes a file completely or not at all: a temporary file renamed into place (and those of killed writers removed). */
export function writeFileAtomic(file: string, text: string): void {
  removeOrphanTemps(file);
  const tmp = tempFileFor(file);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw new UserError('BAD_FLAG', `Cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
      hint: 'Check that its folder exists and is writable.',
    });
  }
}
