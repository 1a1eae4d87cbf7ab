import { UserError } from '../errors.js';
import type { ArticleMeta, Filters, Lang } from '../types.js';

/** A source name lower-cased without spaces or punctuation: how a source filter compares. */
export const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export const FILTER_KEYS = ['since', 'until', 'source', 'lang'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Filter values as a user typed them (flags, `/filter`, a question file). */
export type FilterInput = Partial<Record<FilterKey, string>>;

/** Why one typed filter value was refused: `key` and `value` as given, `problem` and `hint` as sentences. */
export interface FilterProblem {
  key: FilterKey;
  value: string;
  problem: string;
  hint: string;
}

const DATE_HINT = 'Write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020-09.';

/** A calendar date at year, month or day precision: 2020, 2020-02, 2020-02-29 (not 2020-13 or 2021-02-29). */
export function isFilterDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const [, year, month, day] = m;
  if (month === undefined) return true;
  if (Number(month) < 1 || Number(month) > 12) return false;
  if (day === undefined) return true;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= last;
}

/**
 * The one rule for filter values, whichever front end they were typed in: dates are real calendar
 * dates at year, month or day precision, the language is id or en in any case, the source is any
 * text, an empty value is no filter, and since may not be after until. Returns the filters or the first problem.
 */
export function parseFilters(
  input: FilterInput,
): { filters: Filters; problem?: undefined } | { problem: FilterProblem; filters?: undefined } {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const raw = input[key];
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value === '') continue;
    if (key === 'since' || key === 'until') {
      if (!isFilterDate(value)) return { problem: { key, value, problem: 'is not a date', hint: DATE_HINT } };
      out[key] = value;
    } else if (key === 'lang') {
      const lang = value.toLowerCase();
      if (lang !== 'id' && lang !== 'en')
        return {
          problem: {
            key,
            value,
            problem: 'is not a language kabar knows',
            hint: 'Use id (Indonesian) or en (English).',
          },
        };
      out.lang = lang as Lang;
    } else out.source = value;
  }
  // Dates compare as prefixes, so compare only the part both carry.
  if (out.since && out.until && out.since.slice(0, out.until.length) > out.until.slice(0, out.since.length)) {
    return {
      problem: { key: 'since', value: out.since, problem: `is after until ${out.until}`, hint: 'Swap the two dates.' },
    };
  }
  return { filters: out };
}

/** Checks filter flags a user typed; throws a UserError naming the bad flag, e.g. `--since 2020-13 is not a date.` */
export function validateFilters(filters: FilterInput): Filters {
  const parsed = parseFilters(filters);
  if (parsed.problem) {
    const { key, value, problem, hint } = parsed.problem;
    throw new UserError('BAD_FLAG', `--${key} ${value} ${problem.replace(/^is after until /, 'is after --until ')}.`, {
      hint,
    });
  }
  return parsed.filters;
}

export const hasFilters = (filters: Filters): boolean => Object.values(filters).some((v) => v !== undefined);

/**
 * Whether an article passes the filters. Dates compare at the precision given: since 2020-09 keeps
 * 2020-09-15 and 2020-10; until 2020-10 keeps 2020-10-22. An undated article fails any date filter.
 * The source matches case- and punctuation-insensitively on a part of the outlet's name.
 */
export function matchesFilters(article: ArticleMeta, filters: Filters): boolean {
  if (filters.lang && article.lang !== filters.lang) return false;
  if (filters.source && !(article.source && squash(article.source).includes(squash(filters.source)))) return false;
  if (filters.since || filters.until) {
    if (!article.date) return false;
    if (filters.since && article.date.slice(0, filters.since.length) < filters.since.slice(0, article.date.length))
      return false;
    if (filters.until && article.date.slice(0, filters.until.length) > filters.until) return false;
  }
  return true;
}

export function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.since) parts.push(`since ${filters.since}`);
  if (filters.until) parts.push(`until ${filters.until}`);
  if (filters.source) parts.push(`source ${filters.source}`);
  if (filters.lang) parts.push(`language ${filters.lang}`);
  return parts.join(', ');
}
