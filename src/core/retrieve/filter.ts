import { UserError } from '../errors.js';
import type { ArticleMeta, Filters, Lang } from '../types.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Checks filter values a user typed; throws a UserError naming the bad one. */
export function validateFilters(filters: { since?: string; until?: string; source?: string; lang?: string }): Filters {
  for (const key of ['since', 'until'] as const) {
    const value = filters[key];
    if (value !== undefined && !DATE.test(value)) {
      throw new UserError('BAD_FLAG', `--${key} ${value} is not a date.`, { hint: 'Write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020-09.' });
    }
  }
  if (filters.lang !== undefined && filters.lang !== 'id' && filters.lang !== 'en') {
    throw new UserError('BAD_FLAG', `--lang ${filters.lang} is not a language kabar knows.`, { hint: 'Use --lang id (Indonesian) or --lang en (English).' });
  }
  if (filters.since && filters.until && filters.since.slice(0, filters.until.length) > filters.until) {
    throw new UserError('BAD_FLAG', `--since ${filters.since} is after --until ${filters.until}.`, { hint: 'Swap the two dates.' });
  }
  const out: Filters = {};
  if (filters.since) out.since = filters.since;
  if (filters.until) out.until = filters.until;
  if (filters.source) out.source = filters.source;
  if (filters.lang) out.lang = filters.lang as Lang;
  return out;
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
    if (filters.since && article.date.slice(0, filters.since.length) < filters.since.slice(0, article.date.length)) return false;
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
