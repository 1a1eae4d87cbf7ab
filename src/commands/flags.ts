import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../core/index.js';

/** Parses a whole number of at least 1 for a flag, with a sentence commander prints as the error. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('It must be a whole number of at least 1.');
  return n;
}

export interface FilterFlags {
  since?: string;
  until?: string;
  source?: string;
  lang?: string;
}

/** Adds --since, --until, --source and --lang, read back as {@link FilterFlags}. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('--since <date>', 'only articles from this date on (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'only articles up to this date')
    .option('--source <outlet>', 'only articles from this outlet')
    .option('--lang <id|en>', 'only articles in this language');
}

/** The "Examples:" block at the end of a command's help. */
export const examples = (lines: string[]): string => `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** How much a command says on stderr besides its results and errors: `--quiet` and `--verbose`. */
export interface VerbosityFlags {
  quiet?: boolean;
  verbose?: boolean;
}

/** Refuses --quiet with --verbose. */
export function checkVerbosity({ quiet, verbose }: VerbosityFlags): void {
  if (quiet && verbose)
    throw new UserError('BAD_FLAG', '--quiet and --verbose cannot be used together.', { hint: 'Pass one of them.' });
}
