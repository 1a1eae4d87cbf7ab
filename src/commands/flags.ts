import { InvalidArgumentError } from 'commander';

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

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
