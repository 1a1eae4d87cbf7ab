import { distance } from 'fastest-levenshtein';

/** The ids nearest to a mistyped one, preferring ids of the same file. */
export function closestIds(wanted: string, ids: string[], count: number): string[] {
  const file = wanted.slice(0, wanted.lastIndexOf('#'));
  const sameFile = ids.filter((id) => id.startsWith(`${file}#`));
  const pool = sameFile.length ? sameFile : ids;
  return pool
    .map((id) => ({ id, d: distance(wanted, id) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.id);
}
