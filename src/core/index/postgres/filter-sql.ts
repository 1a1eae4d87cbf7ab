import { squash } from '../filter.js';
import type { Filters } from '../../types.js';

/**
 * Filters as a SQL condition on a passages row (which carries its article's lang, date and squashed
 * source), with the same meaning as `matchesFilters`: dates compare as prefixes at the precision
 * given, an undated article fails any date filter, the source matches on a part of its squashed name.
 * Placeholders are numbered from `first`; returns the condition and its parameters.
 */
export function filterSql(filters: Filters, alias: string, first: number): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  if (filters.lang) parts.push(`${alias}.lang = ${param(filters.lang)}`);
  if (filters.source) parts.push(`strpos(${alias}.source_key, ${param(squash(filters.source))}) > 0`);
  if (filters.since) {
    const since = param(filters.since);
    parts.push(
      `substr(${alias}.date, 1, length(${since})) COLLATE "C" >= substr(${since}, 1, length(${alias}.date)) COLLATE "C"`,
    );
  }
  if (filters.until) {
    const until = param(filters.until);
    parts.push(`substr(${alias}.date, 1, length(${until})) COLLATE "C" <= ${until} COLLATE "C"`);
  }
  return { where: parts.length ? parts.join(' AND ') : 'true', params };
}
