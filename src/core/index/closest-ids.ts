import { distance } from 'fastest-levenshtein';

/** How many leading characters two ids share. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The ids nearest to a mistyped one, preferring ids of the same file, then those that start alike (a
 * shortened or mistyped file name keeps its start), then the fewest edits.
 */
export function closestIds(wanted: string, ids: string[], count: number): string[] {
  const file = wanted.slice(0, wanted.lastIndexOf('#'));
  const sameFile = ids.filter((id) => id.startsWith(`${file}#`));
  const pool = sameFile.length ? sameFile : ids;
  return pool
    .map((id) => ({ id, shared: sharedStart(wanted, id), d: distance(wanted, id) }))
    .sort((a, b) => b.shared - a.shared || a.d - b.d)
    .slice(0, count)
    .map((x) => x.id);
}
