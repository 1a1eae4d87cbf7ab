import { META_FIELDS, type MetaField, type Provenance } from '../types.js';

/** How many articles got each metadata field from where. */
export type ProvenanceCounts = Record<MetaField, Partial<Record<Provenance, number>>>;

const LABELS: Record<Provenance, string> = {
  'front-matter': 'from front matter',
  record: 'from records',
  'html-meta': 'from page metadata',
  feed: 'from feeds',
  'title-line': 'from title lines',
  dateline: 'from datelines',
  byline: 'from agency codes',
  path: 'from file paths',
  folder: 'from folder names',
  guessed: 'guessed',
  absent: 'absent',
};
const ORDER: Provenance[] = [
  'front-matter',
  'record',
  'html-meta',
  'feed',
  'title-line',
  'dateline',
  'byline',
  'path',
  'folder',
  'guessed',
  'absent',
];

export const emptyProvenance = (): ProvenanceCounts => ({ title: {}, date: {}, source: {}, url: {}, lang: {} });

/** Adds (`sign` 1) or takes away (`sign` -1) one article's provenance. */
export function countProvenance(
  counts: ProvenanceCounts,
  provenance: Partial<Record<MetaField, Provenance>> | undefined,
  sign: 1 | -1,
): void {
  if (!provenance) return;
  for (const field of META_FIELDS) {
    const from = provenance[field];
    if (!from) continue;
    const n = (counts[field][from] ?? 0) + sign;
    if (n > 0) counts[field][from] = n;
    else delete counts[field][from];
  }
}

/** One line per field, e.g. "date: 20,112 from records, 14 guessed, 3 absent". */
export function describeProvenance(counts: ProvenanceCounts): string[] {
  return META_FIELDS.map((field) => {
    const parts = ORDER.filter((p) => counts[field][p]).map(
      (p) => `${counts[field][p]!.toLocaleString('en-US')} ${LABELS[p]}`,
    );
    return `${field}: ${parts.length ? parts.join(', ') : 'none'}`;
  });
}
