import { ApiError } from './errors.js';
import { FILTER_KEYS, parseFilters, type FilterInput, type Filters } from '../core/index.js';

/** The longest question the service answers, in bytes of UTF-8. */
export const MAX_QUESTION_BYTES = 4 * 1024;
/** The most passages one request may retrieve. */
export const MAX_K = 100;

const bad = (message: string) => new ApiError(400, 'bad_request', message);

/** A question (or query, or quote): a non-empty string of at most `MAX_QUESTION_BYTES`. */
export function textField(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(`"${name}" must be a non-empty string.`);
  if (Buffer.byteLength(value) > MAX_QUESTION_BYTES)
    throw new ApiError(413, 'question_too_long', `"${name}" is longer than ${MAX_QUESTION_BYTES / 1024} kB.`);
  return value;
}

/** A whole number from 1 to `MAX_K`, or undefined (the engine's default) when absent. Query strings give it as text. */
function countField(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_K)
    throw bad(`"${name}" must be a whole number from 1 to ${MAX_K}.`);
  return n;
}

/** `k`: how many passages. */
export const kField = (value: unknown): number | undefined => countField(value, 'k');

/** `lines`: the most lines of a brief. */
export const linesField = (value: unknown): number | undefined => countField(value, 'lines');

/** A confidence floor (`min_confidence`, as `ask --min-confidence`): a number from 0 to 1, or undefined when absent. */
export function confidenceField(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const p = typeof value === 'string' ? Number(value) : value;
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1)
    throw bad('"min_confidence" must be a number from 0 to 1.');
  return p;
}

/** A yes-or-no option: `true`/`false`, or in a query string `1`/`0`, `true`/`false`; false when absent. */
export function flagField(value: unknown, name: string): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  throw bad(`"${name}" must be true or false (1 or 0).`);
}

/** The filters `since`, `until`, `source` and `lang`, checked by the same rule as the CLI's flags. */
export function filtersFrom(input: Record<string, unknown>): Filters {
  const given: FilterInput = {};
  for (const key of FILTER_KEYS) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw bad(`"${key}" must be a string.`);
    given[key] = value;
  }
  const parsed = parseFilters(given);
  if (parsed.problem) {
    const { key, value, problem, hint } = parsed.problem;
    throw bad(`"${key}" ${value} ${problem}. ${hint}`);
  }
  return parsed.filters;
}

/** `START-END` character offsets, as `show --span` takes them; also `{start, end}` numbers. */
export function spanField(value: unknown): { start: number; end: number } | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const m = typeof value === 'string' ? /^\s*(\d+)\s*[-–:]\s*(\d+)\s*$/.exec(value) : null;
  const start = m ? Number(m[1]) : (value as { start?: unknown }).start;
  const end = m ? Number(m[2]) : (value as { end?: unknown }).end;
  if (
    typeof start !== 'number' ||
    typeof end !== 'number' ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    end <= start ||
    start < 0
  ) {
    throw bad('"span" must be START-END character offsets with START below END, e.g. 1187-1211.');
  }
  return { start, end };
}
